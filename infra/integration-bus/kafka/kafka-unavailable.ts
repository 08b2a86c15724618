import { AppError } from '../../../domain/shared';

/** The brokers named by KAFKA_BROKERS could not be reached: the process should stop with this message. */
export class KafkaUnavailableError extends AppError {
  constructor(brokers: readonly string[], cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('SERVICE_UNAVAILABLE', `Kafka is unreachable at KAFKA_BROKERS=${brokers.join(',')}: ${reason}`);
    this.cause = cause;
  }
}

/** Rejects with `onTimeout()` when `work` takes longer than `ms`. */
export async function within<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
