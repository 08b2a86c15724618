import { randomUUID } from 'node:crypto';
import { addBaselineZones } from './baseline-process';
import type { RunningServer } from './endpoint-server';
import type { Scenario } from './scenarios';
import { createSale, waitUntilOnSale, type SaleSetup } from './setup-event';

/** One server under load: the product's endpoint or the minimal baseline, with how to put a sale on it. */
export type Target = {
  readonly name: 'endpoint' | 'baseline';
  readonly server: RunningServer;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** Redis key prefix of its inventory actor. */
  readonly keyPrefix: string;
  createSale(scenario: Scenario, label: string): Promise<SaleSetup>;
};

export function endpointTarget(options: {
  server: RunningServer;
  databaseUrl: string;
  redisUrl: string;
  adminToken: string;
  /** `GET /shows/:id/zones` answers only where projections run (the `start` role). */
  checkQueryModel: boolean;
}): Target {
  return {
    name: 'endpoint',
    server: options.server,
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
    keyPrefix: 'br:',
    async createSale(scenario, label) {
      const sale = await createSale(options.server.url, options.adminToken, scenario, label);
      await waitUntilOnSale(options.server.url, options.redisUrl, sale, {
        checkQueryModel: options.checkQueryModel,
      });
      return sale;
    },
  };
}

export function baselineTarget(options: {
  server: RunningServer;
  databaseUrl: string;
  redisUrl: string;
  keyPrefix: string;
}): Target {
  return {
    name: 'baseline',
    ...options,
    async createSale(scenario) {
      const sale = {
        eventId: randomUUID(),
        showId: randomUUID(),
        zoneIds: Array.from({ length: scenario.zones }, () => randomUUID()),
        price: 150_000,
        currency: 'THB',
      };
      await addBaselineZones(
        options.server,
        sale.zoneIds.map((zoneId) => ({
          zoneId,
          eventId: sale.eventId,
          showId: sale.showId,
          price: sale.price,
          currency: sale.currency,
          capacity: scenario.capacityPerZone,
          maxPerUser: scenario.maxTicketsPerUser,
        })),
      );
      return sale;
    },
  };
}
