import { loadConfig, type Env } from '../config';
import { runUntilSignalled } from './start';
import { StartupError } from './startup-error';

/**
 * The relay alone (`roleModules.relay`): booking, payment and catalog events from the event store
 * to Kafka.
 */
export async function run(_args: readonly string[], env: Env = process.env): Promise<void> {
  const config = loadConfig(env);
  if (!config.kafkaBrokers)
    throw new StartupError('KAFKA_BROKERS: the relay role publishes to Kafka; set it');
  await runUntilSignalled(env, 'relay');
}
