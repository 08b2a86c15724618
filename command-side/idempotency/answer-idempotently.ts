import type { Request, Response } from 'express';
import { AppError } from '../../domain/shared';
import type { IdempotencyStore, StoredAnswer } from '../../infra/ports/idempotency-store';
import { requestFingerprint } from './fingerprint';
import { isValidIdempotencyKey, maxKeyLength } from './policy';
import { runIdempotently, type Admission } from './run-idempotently';

/** The `Idempotency-Key` header: 400 IDEMPOTENCY_KEY_REQUIRED when absent, VALIDATION_ERROR when unusable. */
export function idempotencyKeyOf(req: Request): string {
  const key = req.get('idempotency-key');
  if (key === undefined || key === '') {
    throw new AppError(
      'IDEMPOTENCY_KEY_REQUIRED',
      'This request needs an Idempotency-Key header (1–200 characters, e.g. a UUID)',
    );
  }
  if (!isValidIdempotencyKey(key)) {
    throw new AppError('VALIDATION_ERROR', `Idempotency-Key must be 1–${maxKeyLength} characters`);
  }
  return key;
}

/** A success envelope as an answer to store and send. */
export const successAnswer = (status: number, data: unknown): StoredAnswer => ({
  status,
  body: { success: true, data },
});

/**
 * Runs a write at most once per (user, Idempotency-Key) and sends its answer; a retry with the same key
 * and body gets the first status and body again (marked `Idempotent-Replayed: true`), the same key with
 * another body 422. Call it after authentication and the key check, before any work; `admission` (a rate
 * limit) runs alongside the key's claim, one round trip for both.
 */
export async function answerIdempotently(
  req: Request,
  res: Response,
  input: { store: IdempotencyStore; userId: string; key: string; admission?: Admission },
  work: () => Promise<StoredAnswer>,
): Promise<void> {
  const fingerprint = requestFingerprint(req.method, `${req.baseUrl}${req.path}`, req.body ?? null);
  const answer = await runIdempotently(
    input.store,
    { scope: input.userId, key: input.key, fingerprint },
    work,
    input.admission,
  );
  if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.status(answer.status).json(answer.body);
}
