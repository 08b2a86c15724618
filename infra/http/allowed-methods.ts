import type { Application } from 'express';

/** The parts of express's router layers this needs (its published types describe express 4's). */
type Layer = {
  match(path: string): { path: string } | false;
  route?: { methods: Record<string, unknown> };
  handle: { stack?: readonly Layer[] };
};

function collect(stack: readonly Layer[], path: string, methods: Set<string>): void {
  for (const layer of stack) {
    const match = layer.match(path);
    if (!match) continue;
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) {
        if (method !== '_all') methods.add(method.toUpperCase());
      }
    } else if (layer.handle.stack) {
      // A mounted router sees the path without its mount point, as express hands it on.
      const rest = path.slice(match.path.length);
      collect(layer.handle.stack, rest.startsWith('/') ? rest : `/${rest}`, methods);
    }
  }
}

/**
 * The methods some route of the app answers on `path` (HEAD wherever GET is), sorted; empty for a
 * path no route knows. Read from express's own routing table, so it cannot drift from the routes.
 */
export function allowedMethods(app: Application, path: string): string[] {
  const methods = new Set<string>();
  collect((app.router as unknown as { stack: readonly Layer[] }).stack, path, methods);
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
