//# sourceMappingURL=policies.js.map
