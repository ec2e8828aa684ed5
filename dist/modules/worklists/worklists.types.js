const KIND_FIELDS = {
  sourceEvaluation: { kind: "problem", column: "source_evaluation" },
  rectification: { kind: "problem", column: "rectification" },
  level: { kind: "question", column: "level" },
  maxScore: { kind: "question", column: "max_score" },
  selfScore: { kind: "question", column: "self_score" },
  scoringRule: { kind: "question", column: "scoring_rule" },
  stage: { kind: "case", column: "stage" }
};
export {
  KIND_FIELDS
};
//# sourceMappingURL=worklists.types.js.map
