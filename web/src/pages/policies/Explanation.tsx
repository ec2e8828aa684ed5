import { Tag, Tree, Typography } from 'antd';
import type { ExplainNodeView } from '../../../../src/common/schemas/policies.js';
import { useI18n } from '../../i18n.js';
import { policyLabels, bi, fill } from './labels.js';

type TreeNode = { key: string; title: React.ReactNode; children?: TreeNode[] };

/**
 * The explanation of a rule for one enterprise: every condition in plain words with the
 * enterprise's value and pass/fail. Staff also see where the condition sits in the rule text.
 */
export function Explanation({ node, showRule = true }: { node: ExplainNodeView; showRule?: boolean }) {
  const { pick } = useI18n();
  const KIND: Record<string, { zh: string; en: string }> = { and: policyLabels.allOf, or: policyLabels.anyOf, not: policyLabels.noneOf };
  const toTree = (n: ExplainNodeView, key: string): TreeNode => {
    const mark = <Tag color={n.pass ? 'green' : 'red'}>{n.pass ? `✓ ${pick(policyLabels.met)}` : `✗ ${pick(policyLabels.notMet)}`}</Tag>;
    const sentence = pick(n.sentence ?? bi(n.text));
    if (n.kind !== 'cond') {
      const head = n.kind === 'ref' ? pick(bi(n.label)) : pick(KIND[n.kind]!);
      return {
        key,
        title: (
          <span>
            {mark} {head}
          </span>
        ),
        children: (n.children ?? []).map((c, k) => toTree(c, `${key}.${k}`)),
      };
    }
    return {
      key,
      title: (
        <span data-testid="condition" aria-label={`${sentence} ${pick(n.pass ? policyLabels.met : policyLabels.notMet)}`}>
          {mark}
          {sentence}
          {n.actual !== undefined && (
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {fill(pick(policyLabels.enterpriseValue), { v: pick(bi(n.actual)) })}
            </Typography.Text>
          )}
          {showRule && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {pick(policyLabels.ruleCode)}
              <code>{n.text}</code>（{fill(pick(policyLabels.at), { line: n.line, column: n.column }).replace(/[：:]\s*$/, '')}）
            </Typography.Text>
          )}
        </span>
      ),
    };
  };
  const tree = toTree(node, 'r');
  const keys: string[] = [];
  const walk = (t: TreeNode) => {
    keys.push(t.key);
    t.children?.forEach(walk);
  };
  walk(tree);
  return <Tree treeData={[tree]} defaultExpandedKeys={keys} selectable={false} showLine blockNode />;
}
