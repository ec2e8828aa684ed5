//# sourceMappingURL=org.js.map
