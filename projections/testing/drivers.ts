import type { EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';

/** A database with an event store on it, opened fresh for one test. */
export type OpenedDatabase = {
  readonly sql: SqlClient;
  readonly store: EventStore;
  /** An independent client on the same database, as another process would have (PGlite: the same one). */
  connect(): Promise<{ readonly sql: SqlClient; readonly store: EventStore; close(): Promise<void> }>;
  close(): Promise<void>;
};

export type Driver = { readonly name: string; open(): Promise<OpenedDatabase> };

/**
 * The adapters a test file passes in: projections/ may not import infra adapters, test files may
 * (docs/architecture.md, "may import"), so each test file wires them and this module does the rest.
 */
export type DriverAdapters = {
  openPglite(): Promise<SqlClient>;
  openPostgres(): Promise<{ readonly url: string; readonly sql: SqlClient; drop(): Promise<void> }>;
  connectPostgres(url: string): SqlClient;
  openStore(sql: SqlClient): Promise<EventStore>;
};

/** Every test runs on both: PGlite in memory and a fresh database on the real PostgreSQL server. */
export function sqlDrivers(adapters: DriverAdapters): Driver[] {
  return [
    {
      name: 'PGlite',
      async open() {
        const sql = await adapters.openPglite();
        const store = await adapters.openStore(sql);
        return {
          sql,
          store,
          connect: async () => ({ sql, store: await adapters.openStore(sql), close: async () => {} }),
          close: async () => {
            await store.close();
            await sql.close();
          },
        };
      },
    },
    {
      name: 'PostgreSQL',
      async open() {
        const database = await adapters.openPostgres();
        const store = await adapters.openStore(database.sql);
        return {
          sql: database.sql,
          store,
          async connect() {
            const sql = adapters.connectPostgres(database.url);
            const other = await adapters.openStore(sql);
            return { sql, store: other, close: async () => (await other.close(), await sql.close()) };
          },
          close: async () => {
            await store.close();
            await database.drop();
          },
        };
      },
    },
  ];
}
