//# sourceMappingURL=indicators.js.map
