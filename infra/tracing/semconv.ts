/**
 * The OpenTelemetry semantic conventions this product's spans follow, pinned to one version of the
 * specification (its schema URL below; telemetry announces it as the resource's
 * `telemetry.semconv.schema_url`). The names are copied here rather than imported
 * from the package's incubating entry point, which may rename them in any release: a newer convention is
 * adopted by changing this file and the schema URL together.
 */
export const semconvSchemaUrl = 'https://opentelemetry.io/schemas/1.37.0';

export const attr = {
  // HTTP (stable)
  httpRequestMethod: 'http.request.method',
  httpRoute: 'http.route',
  httpResponseStatusCode: 'http.response.status_code',
  urlPath: 'url.path',
  urlScheme: 'url.scheme',
  // Database client (stable)
  dbSystemName: 'db.system.name',
  dbOperationName: 'db.operation.name',
  dbQueryText: 'db.query.text',
  dbQuerySummary: 'db.query.summary',
  dbNamespace: 'db.namespace',
  dbCollectionName: 'db.collection.name',
  serverAddress: 'server.address',
  serverPort: 'server.port',
  errorType: 'error.type',
  // Messaging (development status in this version; hence the pin)
  messagingSystem: 'messaging.system',
  messagingOperationName: 'messaging.operation.name',
  messagingOperationType: 'messaging.operation.type',
  messagingDestinationName: 'messaging.destination.name',
  messagingConsumerGroupName: 'messaging.consumer.group.name',
  messagingBatchMessageCount: 'messaging.batch.message_count',
  messagingMessageId: 'messaging.message.id',
  messagingKafkaMessageKey: 'messaging.kafka.message.key',
  messagingKafkaOffset: 'messaging.kafka.offset',
  messagingDestinationPartitionId: 'messaging.destination.partition.id',
} as const;

/**
 * This product's own attributes (no convention covers them), under its namespace as the specification
 * asks of custom names.
 */
export const productAttr = {
  follower: 'booking_rush.follower',
  streamId: 'booking_rush.stream.id',
  streamCategory: 'booking_rush.stream.category',
  eventCount: 'booking_rush.event.count',
  eventTypes: 'booking_rush.event.types',
  expectedState: 'booking_rush.stream.expected_state',
  readDirection: 'booking_rush.read.direction',
  readCategories: 'booking_rush.read.categories',
  endOfLog: 'booking_rush.read.end_of_log',
  notificationId: 'booking_rush.notification.id',
  notificationType: 'booking_rush.notification.type',
  notificationAttempt: 'booking_rush.notification.attempt',
} as const;

/** Values of `db.system.name` and `messaging.system` used here. */
export const systems = {
  postgresql: 'postgresql',
  redis: 'redis',
  kafka: 'kafka',
  /** Not in the registry: the event store on KurrentDB (EventStoreDB). */
  kurrentdb: 'kurrentdb',
  /** Not in the registry: the in-process integration bus on SQL tables (the embedded mode's Kafka). */
  sqlBus: 'booking_rush.sql_bus',
} as const;

/** Values of `messaging.operation.type`. */
export const messagingOperations = { send: 'send', process: 'process' } as const;
