import type { Admin } from 'kafkajs';
import { deadLetterTopicOf, type TopicSpec } from '../../ports/integration-bus';

/** Creates the missing topics and their dead-letter topics; existing topics are left as they are. */
export async function ensureKafkaTopics(
  admin: Admin,
  topics: readonly TopicSpec[],
  replicationFactor: number,
): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const wanted = topics.flatMap((spec) => [spec, { ...spec, name: deadLetterTopicOf(spec.name) }]);
  const missing = dedupe(wanted.filter((spec) => !existing.has(spec.name)));
  if (missing.length === 0) return;
  // Another process creating the same topic meanwhile is fine: kafkajs resolves false then.
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((spec) => ({
      topic: spec.name,
      numPartitions: spec.partitions,
      replicationFactor,
    })),
  });
}

function dedupe(specs: TopicSpec[]): TopicSpec[] {
  const byName = new Map<string, TopicSpec>();
  for (const spec of specs) if (!byName.has(spec.name)) byName.set(spec.name, spec);
  return [...byName.values()];
}
