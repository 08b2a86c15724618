import type { Env } from '../config';

/** What a role module exports: `run` starts it; the process lives on until the role ends it. */
export type RoleModule = { run(args: readonly string[], env: Env): Promise<void> };

export type Role = { readonly summary: string; readonly load: () => Promise<RoleModule> };

/**
 * Every process role, one line each. Modules load lazily, so `help` or one role never pays for the
 * others' imports.
 */
export const roles: Readonly<Record<string, Role>> = {
  start: {
    summary: 'embedded all-in-one process: HTTP API and background services (PGlite by default)',
    load: () => import('../roles/start'),
  },
  'command-api': {
    summary: 'command API only (accounts, catalog writes, reservations, expiry sweeper); no projectors',
    load: () => import('../roles/command-api'),
  },
};
