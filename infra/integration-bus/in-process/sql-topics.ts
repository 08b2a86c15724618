import { deadLetterTopicOf, type TopicSpec } from '../../ports/integration-bus';
import type { SqlExecutor } from '../../ports/sql';

export class UnknownTopicError extends Error {
  override readonly name = 'UnknownTopicError';
  constructor(topic: string) {
    super(`integration topic ${JSON.stringify(topic)} does not exist: create it with ensureTopics first`);
  }
}

/** Topics and their partition counts; counts never change once created, so they are cached. */
export class SqlTopics {
  private readonly partitionCounts = new Map<string, number>();

  constructor(private readonly sql: SqlExecutor) {}

  async ensure(topics: readonly TopicSpec[]): Promise<void> {
    const specs = topics.flatMap((spec) => [spec, { ...spec, name: deadLetterTopicOf(spec.name) }]);
    if (specs.length === 0) return;
    await this.sql.query(
      `INSERT INTO integration_bus_topics (topic, partitions)
       SELECT t.topic, t.partitions FROM jsonb_to_recordset($1::jsonb) AS t(topic text, partitions integer)
       ON CONFLICT (topic) DO NOTHING`,
      [JSON.stringify(specs.map((spec) => ({ topic: spec.name, partitions: spec.partitions })))],
    );
    await this.sql.query(
      `INSERT INTO integration_bus_partitions (topic, partition)
       SELECT topic, generate_series(0, partitions - 1) FROM integration_bus_topics WHERE topic = ANY($1::text[])
       ON CONFLICT (topic, partition) DO NOTHING`,
      [specs.map((spec) => spec.name)],
    );
  }

  /** Partition count of each topic; throws UnknownTopicError for a topic never ensured. */
  async partitionsOf(topics: Iterable<string>): Promise<Map<string, number>> {
    const wanted = [...new Set(topics)];
    const missing = wanted.filter((topic) => !this.partitionCounts.has(topic));
    if (missing.length > 0) {
      const rows = await this.sql.query<{ topic: string; partitions: number }>(
        'SELECT topic, partitions FROM integration_bus_topics WHERE topic = ANY($1::text[])',
        [missing],
      );
      for (const row of rows) this.partitionCounts.set(row.topic, Number(row.partitions));
    }
    const counts = new Map<string, number>();
    for (const topic of wanted) {
      const count = this.partitionCounts.get(topic);
      if (count === undefined) throw new UnknownTopicError(topic);
      counts.set(topic, count);
    }
    return counts;
  }
}
