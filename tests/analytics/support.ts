// Shared by the analytics proofs: the app with the analytics module, its organizers' tokens, and waiting
// until the document projections have read everything written so far.
import { randomUUID } from 'node:crypto';
import { createTestMongoDatabase } from '../../infra/testing';
import { TOKENS } from '../../infra/di';
import { analyticsModule } from '../../infra/roles/modules/analytics-module';
import { DocumentTokens } from '../../infra/roles/modules/document-tokens';
import { openBookingApp, type BookingApp, type Person, type Reply } from '../booking/harness';
import { fastPayments } from '../payments/support';

export type AnalyticsApp = BookingApp & {
  /** A token for the organizer who created an event through `zoneOnSale`. */
  organizer(userId: string): Promise<Person>;
  /**
   * Resolves once the document projections have read the log up to its head and up to the last event
   * of each of `streams` (an event appended just now may still lie beyond the head's read horizon).
   */
  caughtUp(streams?: readonly string[]): Promise<void>;
  get<T>(path: string, person?: Person): Promise<Reply<T>>;
};

const ownMongoDatabase = () => createTestMongoDatabase('analytics');

export async function openAnalyticsApp(options: {
  documents: 'in-memory' | 'FerretDB';
  ttlSeconds?: number;
}) {
  const mongo = options.documents === 'FerretDB' ? ownMongoDatabase() : undefined;
  const app = await openBookingApp({
    inventory: 'in-process',
    ttlSeconds: options.ttlSeconds,
    env: {
      ...fastPayments,
      ...(mongo ? { MONGO_URL: mongo.url } : {}),
    },
    modules: [analyticsModule],
  });
  const tokens = await app.running.container.getAsync(TOKENS.AccessTokens);
  const supervisor = await app.running.container.getAsync(DocumentTokens.Supervisor);
  const closeApp = app.close;
  const analytics: AnalyticsApp = Object.assign(app, {
    async organizer(userId: string): Promise<Person> {
      const { accessToken } = await tokens.issue({
        userId,
        email: `${userId}@example.com`,
        role: 'organizer',
        tenantId: 'default',
      });
      return { userId, token: accessToken };
    },
    async caughtUp(streams: readonly string[] = []) {
      let target = (await app.store.head()).checkpoint;
      for (const streamId of streams) {
        const [last] = await app.store.readStream(streamId, { direction: 'backwards', limit: 1 });
        if (last && last.checkpoint > target) target = last.checkpoint;
      }
      await supervisor.waitForAll(target, 20_000);
    },
    get<T>(path: string, person?: Person) {
      return app.request<T>('GET', path, person ? { token: person.token } : {});
    },
    async close() {
      await closeApp();
      await mongo?.drop();
    },
  });
  return analytics;
}

export const cancel = (app: BookingApp, buyer: Person, bookingId: string) =>
  app.request('POST', `/bookings/${bookingId}/cancel`, { token: buyer.token, idempotencyKey: randomUUID() });
