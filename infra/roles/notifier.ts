import { loadConfig, type Env } from '../config';
import { runUntilSignalled } from './start';
import { StartupError } from './startup-error';

/**
 * The notifier alone (`roleModules.notifier`): booking and payment events from Kafka, e-mails through
 * SMTP, state in MongoDB.
 */
export async function run(_args: readonly string[], env: Env = process.env): Promise<void> {
  const config = loadConfig(env);
  if (!config.kafkaBrokers)
    throw new StartupError(
      'KAFKA_BROKERS: the notifier role consumes booking and payment events from Kafka; set it',
    );
  if (!config.mongoUrl)
    throw new StartupError(
      'MONGO_URL: the notifier keeps its notifications in MongoDB, shared by its instances; set it',
    );
  if (!config.notifications.smtpUrl)
    throw new StartupError('SMTP_URL: the notifier role sends e-mail through an SMTP server; set it');
  await runUntilSignalled(env, 'notifier');
}
