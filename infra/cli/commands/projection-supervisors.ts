import type { ContainerModule, ServiceIdentifier } from 'inversify';
import type { SupervisedProjections, SupervisedRunner } from '../../log-follower';
import { TOKENS } from '../../di';
import { projectionsModule } from '../../roles/modules/projections-module';
import { sagaModule } from '../../roles/modules/saga-module';
import { SagaTokens } from '../../roles/modules/saga-tokens';
import { analyticsModule } from '../../roles/modules/analytics-module';
import { auditModule } from '../../roles/modules/audit-module';
import { documentProjectionsModule } from '../../roles/modules/document-projections-module';
import { documentStoreModule } from '../../roles/modules/document-store-module';
import { DocumentTokens } from '../../roles/modules/document-tokens';
import type { CommandContext } from './command-context';

/** One projection's runner as the CLI drives it (the SQL and document runners alike). */
export type RunnerControl = Pick<SupervisedRunner, 'start' | 'stop' | 'status'>;

/** A projection supervisor as the CLI uses it: what the admin API lists, plus the runners by name. */
export interface SupervisorControl extends SupervisedProjections {
  runner(name: string): RunnerControl;
}

/**
 * The modules whose supervisors `projection status|rebuild` cover. Loading one binds its supervisor;
 * nothing starts until a command starts one runner.
 */
export const projectionCommandModules: readonly ContainerModule[] = [
  projectionsModule,
  sagaModule,
  documentStoreModule,
  documentProjectionsModule,
  auditModule,
  analyticsModule,
];

/** Where those modules bind their supervisors; each is optional (a container without it skips it). */
export const supervisorTokens: readonly ServiceIdentifier<SupervisorControl>[] = [
  TOKENS.Projections,
  SagaTokens.Runner,
  DocumentTokens.Supervisor,
];

export async function projectionSupervisors(context: CommandContext): Promise<SupervisorControl[]> {
  // The supervisors need the stores; opening them here lets the context close them afterwards.
  await context.sql();
  await context.eventStore();
  const supervisors: SupervisorControl[] = [];
  for (const token of supervisorTokens) {
    if (!context.container.isBound(token)) continue;
    // Document read models in memory live inside the server process: nothing to see or rebuild from here.
    if (token === DocumentTokens.Supervisor && !(await sharedDocumentStore(context))) continue;
    supervisors.push(await context.container.getAsync(token));
  }
  return supervisors;
}

/** True for MongoDB, which is then opened here (and closed with the context). */
async function sharedDocumentStore(context: CommandContext): Promise<boolean> {
  if (!context.container.isBound(DocumentTokens.Shared)) return false;
  if (!(await context.container.getAsync(DocumentTokens.Shared))) return false;
  await context.resolve('documents', DocumentTokens.Store, (store) => store.close());
  return true;
}
