import { AppError } from '../../domain/shared';

export { CheckpointConflictError } from '../../infra/log-follower';

export class ProjectionNotFoundError extends AppError {
  constructor(readonly projection: string) {
    super('NOT_FOUND', `No projection named ${JSON.stringify(projection)}`, { projection });
  }
}

export class ProjectionNotActiveError extends AppError {
  constructor(
    readonly projection: string,
    readonly runnerStatus: string,
  ) {
    super(
      'INVALID_STATE',
      `Projection ${projection} is ${runnerStatus} in this process; rebuild it where it runs`,
      {
        projection,
        status: runnerStatus,
      },
    );
  }
}

/** Raised to callers still waiting on a runner that stopped. */
export class ProjectionStoppedError extends Error {
  constructor(projection: string) {
    super(`Projection runner ${projection} stopped`);
    this.name = 'ProjectionStoppedError';
  }
}
