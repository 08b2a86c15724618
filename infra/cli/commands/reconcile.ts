import {
  LedgerReader,
  checkLedger,
  toInventoryResource,
  type ZoneCheck,
} from '../../../command-side/inventory-recovery';
import type { Env } from '../../config';
import { inventoryActorModule } from '../../roles/modules/inventory-module';
import { InventoryTokens } from '../../roles/modules/inventory-tokens';
import type { CommandIo } from '../roles';
import { expectPositionals, parseCommandArgs } from './command-args';
import { withCommandContext } from './command-context';
import { CommandFailure, runCommand } from './command-errors';
import { startProgress } from './progress';
import { printTable } from './table';

const usage = 'Usage: reconcile [--event EVENT_ID]… [--zone ZONE_ID]… [--json] [--progress]';

const count = (value: number | null) => (value === null ? '-' : String(value));

function row(zone: ZoneCheck): string[] {
  const resource = toInventoryResource(zone);
  return [
    zone.eventId,
    zone.zoneId,
    String(resource.capacity),
    count(resource.available),
    count(resource.held),
    count(resource.confirmed),
    String(resource.fromEvents.held),
    String(resource.fromEvents.confirmed),
    zone.consistent ? 'yes' : 'NO',
  ];
}

/**
 * `reconcile`: per zone, the inventory actor's counters beside the counts the event log gives (the check
 * behind `GET /admin/inventory`). Exit 0 when every zone agrees, 1 listing the zones that do not.
 */
export function run(args: readonly string[], env: Env = process.env, io: CommandIo): Promise<number> {
  return runCommand('reconcile', usage, io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      event: { type: 'string', multiple: true },
      zone: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      progress: { type: 'boolean' },
    });
    expectPositionals(positionals, []);
    return withCommandContext(env, io, [inventoryActorModule], async (context) => {
      if (!context.config.redis)
        throw new CommandFailure(
          "actor counters are in-process (no REDIS_URL set), so only the server holds them; run reconcile through the server's GET /api/v1/admin/inventory endpoint",
        );
      const store = await context.eventStore();
      const actor = await context.resolve('inventory', InventoryTokens.Actor, (opened) => opened.close());
      const ledger = await new LedgerReader(store).catchUp();
      const progress = startProgress(io, {
        label: 'reconcile',
        unit: 'zones',
        forceBar: values.progress ?? false,
      });
      const check = await checkLedger(ledger, actor, {
        ...(values.event ? { eventIds: values.event } : {}),
        ...(values.zone ? { zoneIds: values.zone } : {}),
        onZone: (done, total) => progress.update(done, total),
      });
      progress.finish();
      if (check.zones.length === 0 && (values.event || values.zone))
        throw new CommandFailure('no zone in the event log matches --event/--zone');
      if (values.json)
        io.out(
          `${JSON.stringify(
            check.zones.map((zone) => ({
              eventId: zone.eventId,
              zoneId: zone.zoneId,
              ...toInventoryResource(zone),
            })),
            null,
            2,
          )}\n`,
        );
      else
        printTable(
          io,
          [
            'EVENT',
            'ZONE',
            'CAPACITY',
            'AVAILABLE',
            'HELD',
            'CONFIRMED',
            'LOG HELD',
            'LOG CONFIRMED',
            'CONSISTENT',
          ],
          check.zones.map(row),
        );
      const oversold = check.zones.filter((zone) => !zone.withinCapacity).map((zone) => zone.zoneId);
      const inconsistent = check.zones.filter((zone) => !zone.consistent).map((zone) => zone.zoneId);
      if (oversold.length > 0) io.err(`reconcile: over capacity by the event log: ${oversold.join(', ')}\n`);
      if (inconsistent.length > 0) {
        io.err(
          `reconcile: counters disagree with the event log in ${inconsistent.length} zone(s): ${inconsistent.join(', ')}\n`,
        );
        return 1;
      }
      if (oversold.length > 0) return 1;
      io.out(`${check.zones.length} zone(s) consistent\n`);
      return 0;
    });
  });
}
