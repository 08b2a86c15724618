// Enforces the "may import" column of docs/architecture.md: each top-level folder, and each folder below
// that is an area of its own (the neutral parts of infra, a side's shared part), may import only the
// areas listed for it. Test files may also reach infra adapters (they wire real servers).
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

const mayImport = {
  domain: ['domain'],
  'infra/ports': ['domain', 'infra/ports'],
  // Spans and trace contexts (OpenTelemetry's API): cross-cutting, so every area but the domain may use it.
  'infra/tracing': ['infra/tracing', 'package.json'],
  // The one engine that follows the log: written against the ports only, so every side may run on it.
  'infra/log-follower': ['domain', 'infra/ports', 'infra/log-follower', 'infra/tracing'],
  // What every router needs at the HTTP edge (responses, DTO validation, the principal, the API
  // operations): not a port, and not one side's, so the routers of every side share it.
  'infra/http-edge': ['domain', 'infra/ports', 'infra/http-edge', 'infra/tracing'],
  // The command side's one command handler (load, decide, append), and what it shares otherwise.
  'command-side/shared': [
    'domain',
    'infra/ports',
    'infra/log-follower',
    'command-side/shared',
    'infra/tracing',
  ],
  'command-side': [
    'domain',
    'infra/ports',
    'infra/tracing',
    'infra/log-follower',
    'infra/http-edge',
    'command-side',
    'command-side/shared',
  ],
  'query-side': [
    'domain',
    'infra/ports',
    'infra/log-follower',
    'infra/http-edge',
    'query-side',
    'infra/tracing',
  ],
  projections: ['domain', 'infra/ports', 'infra/log-follower', 'projections', 'infra/tracing'],
  // A process manager sends its commands through the command side's one handler, never around it.
  sagas: ['domain', 'infra/ports', 'infra/log-follower', 'command-side/shared', 'sagas', 'infra/tracing'],
  infra: [
    'domain',
    'infra',
    'infra/ports',
    'infra/tracing',
    'infra/log-follower',
    'infra/http-edge',
    'command-side',
    'command-side/shared',
    'query-side',
    'projections',
    'sagas',
    // The composition root names the product by the package's own name and version.
    'package.json',
  ],
};

/** Folders of infra/ that the core may import, each an area of its own. */
const neutralInfra = ['ports', 'log-follower', 'http-edge', 'tracing'];

/** Folders of a side that other areas may import apart from the rest of it, each an area of its own. */
const sharedOfSide = ['command-side/shared'];

// The one way from query-side/ into projections/: a read model's schema module,
// `projections/<read model>/schema.ts`. The projection owns its read model and publishes its shape there
// (table or collection names, rows or documents, columns), so a query built on a renamed column fails to
// compile instead of failing at run time. The module imports only what query-side/ may import itself, so
// nothing else of the projection comes through it.
const schemaModule = /^projections\/[^/]+\/schema(\.ts)?$/;
const schemaModuleMayImport = ['domain', 'infra/ports', 'infra/log-follower'];

const relativePath = (absolutePath) => path.relative(root, absolutePath).split(path.sep).join('/');

function areaOf(absolutePath) {
  const relative = relativePath(absolutePath).split('/');
  if (relative[0] === 'infra' && neutralInfra.includes(relative[1])) return `infra/${relative[1]}`;
  const folder = relative.slice(0, 2).join('/');
  if (sharedOfSide.includes(folder)) return folder;
  return relative[0];
}

export const importDirection = {
  meta: {
    type: 'problem',
    messages: {
      forbidden: '{{from}}/ may not import {{to}}/ (docs/architecture.md, "may import").',
      schemaOnly:
        'query-side/ may import only the schema module of a projection (projections/<read model>/schema.ts).',
      schemaImports:
        "a read model's schema module may import only what query-side/ may: not {{to}}/ (docs/architecture.md).",
      packageInDomain: 'domain/ is pure: it may not import the package "{{name}}".',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = areaOf(file);
    const isSchemaModule = schemaModule.test(relativePath(file));
    const allowed = isSchemaModule ? schemaModuleMayImport : mayImport[from];
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
      const target = path.resolve(path.dirname(file), source);
      const to = areaOf(target);
      if (allowed.includes(to) || (isTest && to.startsWith('infra'))) return;
      if (from === 'query-side' && to === 'projections') {
        if (schemaModule.test(relativePath(target))) return;
        context.report({ node, messageId: 'schemaOnly' });
        return;
      }
      const messageId = isSchemaModule ? 'schemaImports' : 'forbidden';
      context.report({ node, messageId, data: { from, to } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
