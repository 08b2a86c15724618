import { AppError } from '../../../domain/shared';
import {
  maxEventLimit,
  readStreamPage,
  type StreamEventView,
  type StreamPage,
} from '../../../query-side/admin';
import type { Env } from '../../config';
import type { CommandIo } from '../roles';
import { expectPositionals, integerFlag, parseCommandArgs } from './command-args';
import { withCommandContext } from './command-context';
import { CommandFailure, UsageError, runCommand } from './command-errors';
import { eventLine } from './event-lines';

const usage = 'Usage: streams show <streamId> [--from REVISION] [--limit N] [--json]';

/**
 * `streams show <streamId>`: the stream's events in order, as `GET /admin/streams/:id` reads them
 * (straight from the event store); compact lines, or the events as pretty JSON with `--json`.
 */
export function run(args: readonly string[], env: Env = process.env, io: CommandIo): Promise<number> {
  return runCommand('streams', usage, io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      from: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [action, streamId] = expectPositionals(positionals, ['an action (show)', 'a stream id']);
    if (action !== 'show') throw new UsageError(`Unknown action "${action}"`);
    const from = integerFlag(values.from, 'from', { min: 0 }) ?? 0;
    const limit = integerFlag(values.limit, 'limit', { min: 1 });
    return withCommandContext(env, io, [], async (context) => {
      const store = await context.eventStore();
      const events: StreamEventView[] = [];
      let next: number | null = from;
      while (next !== null && (limit === undefined || events.length < limit)) {
        const pageSize = Math.min(maxEventLimit, (limit ?? Infinity) - events.length);
        const page: StreamPage = await readStreamPage(store, streamId!, next, pageSize).catch(
          explain(streamId!),
        );
        events.push(...page.events);
        next = page.next;
      }
      if (values.json) io.out(`${JSON.stringify(events, null, 2)}\n`);
      else for (const event of events) io.out(`${eventLine(event)}\n`);
      return 0;
    });
  });
}

const explain =
  (streamId: string) =>
  (error: unknown): never => {
    if (error instanceof AppError && error.code === 'NOT_FOUND')
      throw new CommandFailure(`stream ${streamId} not found`);
    if (error instanceof AppError && error.code === 'VALIDATION_ERROR') throw new UsageError(error.message);
    throw error;
  };
