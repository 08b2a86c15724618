import { toProjectionView, type ProjectionView } from '../../../query-side/admin';
import type { CommandIo } from '../roles';
import type { CommandContext } from './command-context';
import { projectionSupervisors } from './projection-supervisors';
import { printTable } from './table';

/** Every projection of every supervisor, with the status its active runner recorded. */
export async function listProjections(context: CommandContext): Promise<ProjectionView[]> {
  const supervisors = await projectionSupervisors(context);
  const states = (await Promise.all(supervisors.map((supervisor) => supervisor.list()))).flat();
  return states.map(toProjectionView);
}

function cells(view: ProjectionView): string[] {
  const rebuild = view.rebuild
    ? `${view.rebuild.processed}/${view.rebuild.total} (${view.rebuild.percent}%)`
    : '-';
  return [
    view.name,
    view.status,
    String(view.position),
    String(view.headPosition),
    String(view.lag),
    String(view.generation),
    rebuild,
  ];
}

/** A table for people; errors follow it, one line each. */
export function printProjectionTable(io: CommandIo, views: readonly ProjectionView[]): void {
  printTable(io, ['NAME', 'STATUS', 'POSITION', 'HEAD', 'LAG', 'GEN', 'REBUILD'], views.map(cells));
  for (const view of views) if (view.error) io.out(`${view.name}: ${view.error}\n`);
}
