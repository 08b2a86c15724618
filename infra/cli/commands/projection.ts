import type { Env } from '../../config';
import type { CommandIo } from '../roles';
import { expectPositionals, parseCommandArgs } from './command-args';
import { withCommandContext } from './command-context';
import { UsageError, runCommand } from './command-errors';
import { rebuildProjection } from './projection-rebuild';
import { listProjections, printProjectionTable } from './projection-status';
import { projectionCommandModules } from './projection-supervisors';

const usage = 'Usage: projection status [--json] | projection rebuild <name> [--no-wait] [--progress]';

/**
 * `projection status`: every projection (SQL read models, the booking saga, document read models) with
 * status, position, head, lag, generation and rebuild progress. `projection rebuild <name>`: rebuilds
 * one here, with progress, when no other process runs it.
 */
export function run(args: readonly string[], env: Env = process.env, io: CommandIo): Promise<number> {
  return runCommand('projection', usage, io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      'no-wait': { type: 'boolean' },
      progress: { type: 'boolean' },
    });
    const [action] = positionals;
    if (action === 'status') {
      expectPositionals(positionals, ['status']);
      return withCommandContext(env, io, projectionCommandModules, async (context) => {
        const views = await listProjections(context);
        if (values.json) io.out(`${JSON.stringify(views, null, 2)}\n`);
        else printProjectionTable(io, views);
        return 0;
      });
    }
    if (action === 'rebuild') {
      const [, name] = expectPositionals(positionals, ['rebuild', 'a projection name']);
      return withCommandContext(env, io, projectionCommandModules, (context) =>
        rebuildProjection(context, io, name!, {
          wait: !values['no-wait'],
          forceBar: values.progress ?? false,
        }),
      );
    }
    throw new UsageError(`Unknown action "${action ?? ''}"`);
  });
}
