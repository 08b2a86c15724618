import { loadConfig, type Env } from '../config';
import { runUntilSignalled } from './start';
import { StartupError } from './startup-error';

/**
 * The payment service alone (`roleModules.payment`): payment requests from Kafka, the gateway, outcomes
 * to the event store.
 */
export async function run(_args: readonly string[], env: Env = process.env): Promise<void> {
  const config = loadConfig(env);
  if (!config.kafkaBrokers)
    throw new StartupError('KAFKA_BROKERS: the payment role consumes payment requests from Kafka; set it');
  await runUntilSignalled(env, 'payment');
}
