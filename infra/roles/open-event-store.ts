import type { Config } from '../config';
import type { Metrics } from '../ports/metrics';
import { PostgresEventStore } from '../eventstore/postgres';
import { TracedEventStore, type TracedEventStoreOptions } from '../eventstore/traced-event-store';
import type { EventStore } from '../ports/event-store';
import type { SqlClient } from '../ports/sql';
import { systems, tracingActive } from '../tracing';
import { StartupError, connectionReason, endpointOf } from './startup-error';

/** The store with its appends and reads spanned while tracing is on; as it is otherwise. */
const tracedWhenOn = (store: EventStore, system: TracedEventStoreOptions['system']): EventStore =>
  tracingActive() ? new TracedEventStore(store, { system }) : store;

/** The PostgreSQL event store (server or PGlite) on the given SQL client; creates its schema. */
export async function openPostgresEventStore(
  config: Config,
  sql: SqlClient,
  metrics?: Pick<Metrics, 'groupCommit'>,
): Promise<EventStore> {
  const store = await PostgresEventStore.open(sql, {
    maxBatchSize: config.groupCommit.maxBatchSize,
    maxConcurrentFlushes: config.groupCommit.maxConcurrentFlushes,
    ...(metrics && { metrics }),
  });
  return tracedWhenOn(store, systems.postgresql);
}

/** The KurrentDB event store; loaded only when chosen, so other modes never load its gRPC client. */
export async function connectKurrentDb(config: Config): Promise<EventStore> {
  const target = config.kurrentDb;
  if (!target) throw new StartupError('KURRENTDB_URL is required when EVENT_STORE=kurrentdb');
  const { KurrentDbEventStore } = await import('../eventstore/kurrentdb');
  let store: EventStore | undefined;
  try {
    store = await KurrentDbEventStore.connect(target.url);
    // The client connects lazily; one read proves the server answers before the process says it started.
    await store.head();
    return tracedWhenOn(store, systems.kurrentdb);
  } catch (error) {
    await store?.close().catch(() => {});
    throw new StartupError(
      `${target.variable}: cannot connect to ${endpointOf(target.url, 2113)} (${connectionReason(error)})`,
      {
        cause: error,
      },
    );
  }
}
