import type { Express, RequestHandler } from 'express';
import type { ProjectionSupervisor } from '../../projections';
import type { ServiceIdentifier } from 'inversify';
import type { Config } from '../config';
import type { ApiRoute, ReadinessCheck } from '../http';
import type { Logger } from '../logging';
import type { AccessTokens, PasswordHasher } from '../ports/auth';
import type { EventStore } from '../ports/event-store';
import type { Metrics } from '../ports/metrics';
import type { SqlClient } from '../ports/sql';
import type { Telemetry } from '../telemetry';
import type { BackgroundService } from './lifecycle';

/**
 * Injection tokens of every composition root. Explicit symbols: nothing relies on
 * `emitDecoratorMetadata`, which esbuild-based tools (tsx) do not emit.
 * Tokens marked "many" are multi-bound: bind one per contribution, resolve with `getAll`.
 */
export const TOKENS = {
  Config: Symbol('Config') as ServiceIdentifier<Config>,
  Logger: Symbol('Logger') as ServiceIdentifier<Logger>,
  Telemetry: Symbol('Telemetry') as ServiceIdentifier<Telemetry>,
  /** What the process records for `/metrics` (records nothing when `METRICS=off`). */
  Metrics: Symbol('Metrics') as ServiceIdentifier<Metrics>,
  /** Read models, checkpoints, saga state. */
  SqlClient: Symbol('SqlClient') as ServiceIdentifier<SqlClient>,
  EventStore: Symbol('EventStore') as ServiceIdentifier<EventStore>,
  HttpApp: Symbol('HttpApp') as ServiceIdentifier<Express>,
  /** many: probes behind `GET /ready`. */
  ReadinessCheck: Symbol('ReadinessCheck') as ServiceIdentifier<ReadinessCheck>,
  /** many: routers mounted under `/api/v1`. */
  ApiRoute: Symbol('ApiRoute') as ServiceIdentifier<ApiRoute>,
  /** many: handlers on the API's port outside `/api/v1` (the web app); each passes on what it does not serve. */
  SiteHandler: Symbol('SiteHandler') as ServiceIdentifier<RequestHandler>,
  /** Signs and verifies access tokens (identity). */
  AccessTokens: Symbol('AccessTokens') as ServiceIdentifier<AccessTokens>,
  PasswordHasher: Symbol('PasswordHasher') as ServiceIdentifier<PasswordHasher>,
  /** The SQL projections of this process: statuses, rebuilds, awaiters. */
  Projections: Symbol('Projections') as ServiceIdentifier<ProjectionSupervisor>,
  /** many: projectors, runners and schedulers started beside the server. */
  BackgroundService: Symbol('BackgroundService') as ServiceIdentifier<BackgroundService>,
} as const;
