import { categoryOf } from '../ports/event-store';
import type { TopicSpec } from '../ports/integration-bus';

/** Stream categories that leave the service as integration events, and the topic each goes to. */
export const relayedCategories = { booking: 'bookings', payment: 'payments', event: 'catalog' } as const;

export type IntegrationTopicName = (typeof relayedCategories)[keyof typeof relayedCategories];

export const defaultTopicPrefix = 'booking-rush.';

/** Bookings and payments carry the load of a sale; the catalog changes rarely. */
export const defaultTopicPartitions: Readonly<Record<IntegrationTopicName, number>> = {
  bookings: 6,
  payments: 6,
  catalog: 3,
};

/** Full topic names, for consumers: `integrationTopics('booking-rush.').bookings`. */
export function integrationTopics(prefix = defaultTopicPrefix): Record<IntegrationTopicName, string> {
  return { bookings: `${prefix}bookings`, payments: `${prefix}payments`, catalog: `${prefix}catalog` };
}

/** The topics the relay publishes to, for `IntegrationBus.ensureTopics`. */
export function topicsFor(
  prefix = defaultTopicPrefix,
  partitions: Partial<Record<IntegrationTopicName, number>> = {},
): TopicSpec[] {
  const names = integrationTopics(prefix);
  return (Object.keys(names) as IntegrationTopicName[]).map((name) => ({
    name: names[name],
    partitions: partitions[name] ?? defaultTopicPartitions[name],
  }));
}

/** The topic of a stream's events, or undefined for a category that is not relayed. */
export function topicOfStream(streamId: string, prefix = defaultTopicPrefix): string | undefined {
  const category = categoryOf(streamId) as keyof typeof relayedCategories;
  const name = Object.hasOwn(relayedCategories, category) ? relayedCategories[category] : undefined;
  return name === undefined ? undefined : `${prefix}${name}`;
}

/** The categories the relay reads from the log. */
export const relayedCategoryNames: readonly string[] = Object.keys(relayedCategories);
