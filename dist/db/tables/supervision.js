//# sourceMappingURL=supervision.js.map
