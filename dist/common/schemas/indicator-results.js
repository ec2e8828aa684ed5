//# sourceMappingURL=indicator-results.js.map
