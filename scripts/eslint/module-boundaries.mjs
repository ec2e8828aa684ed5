// A module reads another module's data only through that module's public face (its index.ts and
// services), never through its repositories: this rule reports an import, export or dynamic
// import that reaches from src/modules/<a>/ into another module's *.repository file.
import path from 'node:path';

const MODULES = `${path.sep}src${path.sep}modules${path.sep}`;

/** The module a file belongs to and the file's path inside it, or null outside src/modules. */
function moduleOf(file) {
  const i = file.lastIndexOf(MODULES);
  if (i < 0) return null;
  const [name, ...rest] = file.slice(i + MODULES.length).split(path.sep);
  return rest.length ? { name, inner: rest.join('/') } : null;
}

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "forbid reading another module's repository; use its index.ts public functions" },
    messages: {
      repository:
        "'{{source}}' is the {{target}} module's repository: " +
        'use the public functions of src/modules/{{target}}/index.ts instead (add one there if needed).',
    },
    schema: [],
  },
  create(context) {
    const from = moduleOf(context.filename);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = moduleOf(path.resolve(path.dirname(context.filename), source));
      if (!to || to.name === from.name) return;
      if (!/\.repository(\.[cm]?[jt]s)?$/.test(to.inner)) return;
      context.report({ node, messageId: 'repository', data: { source, target: to.name } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };
