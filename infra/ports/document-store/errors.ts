import { AppError } from '../../../domain/shared';

/** The document store named by MONGO_URL could not be reached: the process should stop with this message. */
export class DocumentStoreUnavailableError extends AppError {
  constructor(message: string, cause: unknown) {
    super('SERVICE_UNAVAILABLE', message);
    this.cause = cause;
  }
}
