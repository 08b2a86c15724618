import type { ServiceIdentifier } from 'inversify';
import type { ProjectionSupervisor } from '../../../projections';
import type { SagaCommandScheduler } from '../../../sagas/booking';

/** What the saga module binds. */
export const SagaTokens = {
  /** The booking saga's runner (fed from the log like a projection): status, awaiters. */
  Runner: Symbol('BookingSagaRunner') as ServiceIdentifier<ProjectionSupervisor>,
  /** Runs the saga's due commands and durable timeouts. */
  Scheduler: Symbol('SagaCommandScheduler') as ServiceIdentifier<SagaCommandScheduler>,
} as const;
