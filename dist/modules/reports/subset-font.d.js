//# sourceMappingURL=subset-font.d.js.map
