// Enforces the "may import" column of docs/architecture.md: each top-level folder may import only the
// folders listed for it. Test files may also reach infra adapters (they wire real servers).
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

const mayImport = {
  domain: ['domain'],
  'infra/ports': ['domain', 'infra/ports'],
  // The one engine that follows the log: written against the ports only, so every side may run on it.
  'infra/log-follower': ['domain', 'infra/ports', 'infra/log-follower'],
  'command-side': ['domain', 'infra/ports', 'infra/log-follower', 'command-side'],
  'query-side': ['domain', 'infra/ports', 'infra/log-follower', 'query-side'],
  projections: ['domain', 'infra/ports', 'infra/log-follower', 'projections'],
  sagas: ['domain', 'infra/ports', 'infra/log-follower', 'sagas'],
  infra: [
    'domain',
    'infra',
    'infra/ports',
    'infra/log-follower',
    'command-side',
    'query-side',
    'projections',
    'sagas',
    // The composition root names the product by the package's own name and version.
    'package.json',
  ],
};

/** Folders of infra/ that the core may import, each an area of its own. */
const neutralInfra = ['ports', 'log-follower'];

function areaOf(absolutePath) {
  const relative = path.relative(root, absolutePath).split(path.sep);
  if (relative[0] === 'infra' && neutralInfra.includes(relative[1])) return `infra/${relative[1]}`;
  return relative[0];
}

export const importDirection = {
  meta: {
    type: 'problem',
    messages: {
      forbidden: '{{from}}/ may not import {{to}}/ (docs/architecture.md, "may import").',
      packageInDomain: 'domain/ is pure: it may not import the package "{{name}}".',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = areaOf(file);
    const allowed = mayImport[from];
    if (!allowed) return {};
    const isTest = /\.test\.ts$/.test(file);
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        if (from === 'domain' && !source.startsWith('node:')) {
          context.report({ node, messageId: 'packageInDomain', data: { name: source } });
        }
        return;
      }
      const to = areaOf(path.resolve(path.dirname(file), source));
      if (allowed.includes(to) || (isTest && to.startsWith('infra'))) return;
      context.report({ node, messageId: 'forbidden', data: { from, to } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
