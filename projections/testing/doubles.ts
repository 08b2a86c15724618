import type { EventStore, ReadAllOptions } from '../../infra/ports/event-store';
import type { SqlClient, SqlExecutor } from '../../infra/ports/sql';

/** The store, with `before` awaited ahead of every `readAll` (to hold a reader at a chosen point). */
export function interceptReads(
  store: EventStore,
  before: (options: ReadAllOptions) => Promise<void> | void,
): EventStore {
  return {
    append: (streamId, events, expected) => store.append(streamId, events, expected),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: async (options = {}) => {
      await before(options);
      return store.readAll(options);
    },
    streamExists: (streamId) => store.streamExists(streamId),
    head: () => store.head(),
    watch: (listener, filter) => store.watch(listener, filter),
    waitForAppendsInFlight: (timeoutMs) => store.waitForAppendsInFlight(timeoutMs),
    close: () => store.close(),
  };
}

/** The client with a lock that is always granted: two runners both believe they are the only one. */
export function withoutLocks(sql: SqlClient): SqlClient {
  return {
    driver: sql.driver,
    query: (text, params) => sql.query(text, params),
    exec: (script) => sql.exec(script),
    transaction: (work) => sql.transaction(work),
    tryLock: async () => ({ release: async () => {} }),
    listen: (channel, onNotify) => sql.listen(channel, onNotify),
    close: () => sql.close(),
  };
}

/** The client, counting the statements (in or out of transactions) whose text matches `pattern`. */
export function countingStatements(sql: SqlClient, pattern: RegExp): { sql: SqlClient; count: () => number } {
  let count = 0;
  const counted = (executor: SqlExecutor): SqlExecutor => ({
    query: (text, params) => {
      if (pattern.test(text)) count += 1;
      return executor.query(text, params);
    },
    exec: (script) => executor.exec(script),
  });
  const outside = counted(sql);
  return {
    sql: {
      ...withoutLocks(sql),
      ...outside,
      tryLock: (name) => sql.tryLock(name),
      transaction: (work) => sql.transaction((tx) => work(counted(tx))),
    },
    count: () => count,
  };
}
