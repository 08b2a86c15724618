import { randomUUID } from 'node:crypto';
import { emailClaimStreamOf } from '../../command-side/identity';
import {
  credentialsDecider,
  credentialsStream,
  defaultTenantId,
  emailClaimDecider,
  normaliseEmail,
  userDecider,
  userStream,
} from '../../domain/identity';
import type { EventMetadata } from '../../domain/shared';
import type { EventStore } from '../../infra/ports/event-store';
import { buyerId } from '../load/buyers';

/** A range of the load generator's synthetic buyers (`buyerId(tag, first … first + count − 1)`). */
export type BuyerRange = { readonly first: number; readonly count: number };

/** The address of a synthetic buyer: the one the load generator's access tokens carry. */
export const buyerEmail = (userId: string): string => `${userId}@load.example`;

/**
 * Registers the load generator's buyers as real accounts, so the notifier finds their address: the
 * three streams `registerUser` writes (e-mail claim, credentials, user), each decided by the identity
 * decider from its initial state and appended with `no_stream`, under the buyer's own id (the id its
 * token names). Registering over HTTP would hash every password with argon2; here every account shares
 * one hash computed once (`passwordHash`), which is all that is skipped. `concurrency` buyers at once,
 * so group commit batches the appends.
 */
export async function registerBuyers(
  store: EventStore,
  tag: string,
  range: BuyerRange,
  options: { readonly passwordHash: string; readonly concurrency?: number; readonly now?: () => Date },
): Promise<void> {
  const now = options.now ?? (() => new Date());
  let next = 0;
  const worker = async () => {
    while (next < range.count) {
      const index = range.first + next++;
      const userId = buyerId(tag, index);
      const email = normaliseEmail(buyerEmail(userId));
      const credentialsId = randomUUID();
      const at = now();
      const metadata: EventMetadata = { correlationId: randomUUID(), actor: 'system:bench-wave', userId };
      const append = async <E extends { type: string; data: object }>(stream: string, events: E[]) => {
        await store.append(
          stream,
          events.map((event) => ({ type: event.type, data: event.data, metadata })),
          'no_stream',
        );
      };
      await append(
        emailClaimStreamOf(email),
        emailClaimDecider.decide({ type: 'ClaimEmail', email, userId, now: at }, undefined),
      );
      await append(
        credentialsStream(credentialsId),
        credentialsDecider.decide(
          { type: 'CreateCredentials', credentialsId, userId, passwordHash: options.passwordHash, now: at },
          undefined,
        ),
      );
      await append(
        userStream(userId),
        userDecider.decide(
          {
            type: 'RegisterUser',
            userId,
            email,
            name: `Wave buyer ${index}`,
            tenantId: defaultTenantId,
            credentialsId,
            now: at,
          },
          undefined,
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 64 }, worker));
}
