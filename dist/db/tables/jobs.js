//# sourceMappingURL=jobs.js.map
