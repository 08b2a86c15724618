/** Quotes a PostgreSQL identifier (channel, table) that came from our own code, never from a user. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Turns a lock name ($1) into the 64-bit key that advisory locks take. */
export const lockKeySql = 'hashtextextended($1, 0)';
