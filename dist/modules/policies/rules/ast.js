//# sourceMappingURL=ast.js.map
