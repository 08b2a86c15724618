import { createHash } from 'node:crypto';

/** A uuid-shaped name for a string: the same input always gives the same id (PostgreSQL's `md5(x)::uuid`). */
export function nameUuid(name: string): string {
  const hex = createHash('md5').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The message id of a saga's command: one row, one execution's worth of effects, however often decided. */
export const messageIdOf = (sagaId: string, key: string): string => nameUuid(`${sagaId}|${key}`);

/** Ids of the events a command appends: a re-run appends the same ids, which the store treats as done. */
export const eventIdsOf =
  (messageId: string) =>
  (index: number): string =>
    nameUuid(`${messageId}|${index}`);
