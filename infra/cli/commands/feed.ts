import { AppError } from '../../../domain/shared';
import { EventFeedQuery, maxEventLimit, readFeedPage } from '../../../query-side/admin';
import type { Env } from '../../config';
import { validateQuery } from '../../http-edge';
import { startOfLog, type Checkpoint, type EventStore } from '../../ports/event-store';
import type { CommandIo } from '../roles';
import { expectPositionals, parseCommandArgs } from './command-args';
import { withCommandContext } from './command-context';
import { UsageError, runCommand } from './command-errors';
import { eventLine } from './event-lines';

const usage =
  'Usage: feed [--category C]… [--type T]… [--after CHECKPOINT] [--limit N] [--follow]   (CHECKPOINT: a "next" line of an earlier run)';

type FeedOptions = {
  readonly after: Checkpoint;
  readonly limit: number | undefined;
  readonly categories?: string[];
  readonly types?: string[];
};

/** The flags, checked by the same DTO as `GET /admin/events` so both refuse the same input. */
async function parse(args: readonly string[]): Promise<FeedOptions & { follow: boolean }> {
  const { values, positionals } = parseCommandArgs(args, {
    category: { type: 'string', multiple: true },
    type: { type: 'string', multiple: true },
    after: { type: 'string' },
    limit: { type: 'string' },
    follow: { type: 'boolean' },
  });
  expectPositionals(positionals, []);
  const query = await validateQuery(EventFeedQuery, {
    ...(values.after === undefined ? {} : { after: values.after }),
    ...(values.limit === undefined ? {} : { limit: values.limit }),
    ...(values.category ? { category: values.category } : {}),
    ...(values.type ? { type: values.type } : {}),
  }).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'VALIDATION_ERROR'
      ? new UsageError(error.message.replace('Invalid request query', 'Invalid arguments'))
      : error;
  });
  return {
    after: (query.after ?? startOfLog) as Checkpoint,
    limit: query.limit,
    ...(query.category ? { categories: query.category } : {}),
    ...(query.type ? { types: query.type } : {}),
    follow: values.follow ?? false,
  };
}

/**
 * `feed`: the global log in order, filtered like `GET /admin/events`. Prints up to `--limit` events
 * (default: to the end of the log) and then `next <checkpoint>` to pass as `--after`; with `--follow`
 * keeps printing new events until SIGINT.
 */
export function run(args: readonly string[], env: Env = process.env, io: CommandIo): Promise<number> {
  return runCommand('feed', usage, io, async () => {
    const options = await parse(args);
    return withCommandContext(env, io, [], async (context) => {
      const store = await context.eventStore();
      const until = options.follow ? interrupted() : undefined;
      let after = options.after;
      let printed = 0;
      try {
        for (;;) {
          const wanted = options.limit === undefined ? maxEventLimit : options.limit - printed;
          const page = await readFeedPage(store, {
            ...options,
            after,
            limit: Math.min(wanted, maxEventLimit),
          });
          for (const event of page.events) io.out(`${eventLine(event)}\n`);
          printed += page.events.length;
          after = page.next;
          if (options.limit !== undefined && printed >= options.limit) break;
          if (!page.endOfLog) continue;
          if (!until || !(await newEventsOrStop(store, until.signal, context.config.projections.pollMs)))
            break;
        }
      } finally {
        until?.dispose();
      }
      io.out(`next ${after}\n`);
      return 0;
    });
  });
}

/** An abort signal raised by the first SIGINT (which then no longer ends the process). */
function interrupted(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSignal) };
}

/** Resolves true when new events may be readable (woken by the store, or after `pollMs`), false on stop. */
function newEventsOrStop(store: EventStore, signal: AbortSignal, pollMs: number): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (more: boolean) => {
      unwatch();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(more);
    };
    const onAbort = () => done(false);
    const unwatch = store.watch(() => done(true));
    const timer = setTimeout(() => done(true), pollMs);
    signal.addEventListener('abort', onAbort);
  });
}
