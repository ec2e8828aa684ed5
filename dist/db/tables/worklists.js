//# sourceMappingURL=worklists.js.map
