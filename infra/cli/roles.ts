import type { Env } from '../config';

/** Where a command writes (the CLI's standard output and error). */
export type CommandIo = { readonly out: (text: string) => void; readonly err: (text: string) => void };

/**
 * What a role module exports: `run` starts it; the process lives on until the role ends it. A one-shot
 * command (e.g. `dead-letters`) resolves to its exit code instead.
 */
export type RoleModule = {
  run(args: readonly string[], env: Env, io: CommandIo): Promise<void | number>;
};

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
  saga: {
    summary:
      'booking saga: payment → confirm, refunds, hold timeouts, event-cancel fan-out (needs Redis in production)',
    load: () => import('../roles/saga'),
  },
  payment: {
    summary: 'payment service: payment and refund requests from Kafka, the mock gateway, outcomes to the log',
    load: () => import('../roles/payment'),
  },
  notifier: {
    summary:
      'notifier: booking and payment events from Kafka to e-mails over SMTP (MongoDB keeps who got what)',
    load: () => import('../roles/notifier'),
  },
  'dead-letters': {
    summary: 'dead-letters list|redrive <topic> [--limit N]: integration messages a consumer gave up on',
    load: () => import('../roles/dead-letters'),
  },
  relay: {
    summary: 'relay: booking, payment and catalog events from the event store to Kafka topics',
    load: () => import('../roles/relay'),
  },
  streams: {
    summary: "streams show <streamId> [--from N] [--limit N] [--json]: one stream's events in order",
    load: () => import('./commands/streams'),
  },
  feed: {
    summary:
      'feed [--category C]… [--type T]… [--after CHECKPOINT] [--limit N] [--follow]: the global event log',
    load: () => import('./commands/feed'),
  },
  projection: {
    summary:
      "projection status [--json] | rebuild <name> [--no-wait]: projections' lag and generations; rebuild one",
    load: () => import('./commands/projection'),
  },
  reconcile: {
    summary:
      'reconcile [--event ID]… [--zone ID]… [--json]: inventory counters against the event log (needs REDIS_URL)',
    load: () => import('./commands/reconcile'),
  },
};
