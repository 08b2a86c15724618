import type { CommandIo } from '../cli/roles';
import { loadConfig, type Env } from '../config';
import { integrationTopics } from '../integration-relay';
import { createLogger } from '../logging';
import type { DeadLetter, IntegrationBus } from '../ports/integration-bus';
import { openBus } from './modules/integration-bus-module';
import { openSqlClient } from './open-sql';

const usage =
  'Usage: dead-letters list|redrive <topic> [--limit N]   (topic: bookings, payments, catalog or a full name)';

type Parsed = { action: 'list' | 'redrive'; topic: string; limit: number | undefined };

function parse(args: readonly string[], prefix: string): Parsed | string {
  const [action, topic, ...rest] = args;
  if (action !== 'list' && action !== 'redrive') return `Unknown action "${action ?? ''}".\n${usage}`;
  if (!topic) return `Which topic?\n${usage}`;
  let limit: number | undefined;
  if (rest.length > 0) {
    if (rest[0] !== '--limit' || !/^[1-9]\d*$/.test(rest[1] ?? '') || rest.length > 2)
      return `Unexpected arguments: ${rest.join(' ')}\n${usage}`;
    limit = Number(rest[1]);
  }
  const short = integrationTopics(prefix) as Record<string, string>;
  return { action, topic: Object.hasOwn(short, topic) ? short[topic]! : topic, limit };
}

const line = (letter: DeadLetter) =>
  [
    `${letter.partition}:${letter.offset}`,
    letter.failedAt,
    `group=${letter.groupId}`,
    `key=${letter.message.key}`,
    `type=${letter.message.headers['event-type'] ?? '?'}`,
    `event=${letter.message.headers['event-id'] ?? '?'}`,
    `error=${JSON.stringify(letter.error)}`,
  ].join('  ');

/**
 * `dead-letters list <topic>` prints the messages consumers gave up on (oldest first, with the error);
 * `dead-letters redrive <topic>` publishes them back to their topic, where their consumers try again.
 * Against Kafka with `KAFKA_BROKERS`, else the in-process bus in the SQL database (with the embedded
 * mode's PGlite, stop the server first: one process at a time opens it).
 */
export async function run(args: readonly string[], env: Env = process.env, io: CommandIo): Promise<number> {
  const config = loadConfig(env);
  const parsed = parse(args, config.bus.topicPrefix);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n`);
    return 2;
  }
  const logger = createLogger({ serviceName: config.serviceName, logLevel: 'error' });
  const sql = await openSqlClient(config, config.sqlDriver);
  let bus: IntegrationBus | undefined;
  try {
    bus = await openBus(config, logger, sql);
    if (parsed.action === 'list') {
      const letters = await bus.listDeadLetters(parsed.topic, parsed.limit ? { limit: parsed.limit } : {});
      for (const letter of letters) io.out(`${line(letter)}\n`);
      io.out(`${letters.length} dead letter(s) on ${parsed.topic}\n`);
    } else {
      const sent = await bus.redriveDeadLetters(parsed.topic, parsed.limit ? { limit: parsed.limit } : {});
      io.out(`re-drove ${sent} dead letter(s) to ${parsed.topic}\n`);
    }
    return 0;
  } finally {
    await bus?.close();
    await sql.close();
  }
}
