import type { ContainerModule } from 'inversify';
import { loadConfig, type Env } from '../config';
import { integrationBusModule } from './modules/integration-bus-module';
import { paymentGatewayModule } from './modules/payment-gateway-module';
import { paymentServiceModule } from './modules/payment-service-module';
import { runUntilSignalled } from './start';
import { StartupError } from './startup-error';

/** The payment service alone: payment requests from Kafka, the gateway, outcomes to the event store. */
export const paymentModules: readonly ContainerModule[] = [
  integrationBusModule,
  paymentGatewayModule,
  paymentServiceModule,
];

export async function run(_args: readonly string[], env: Env = process.env): Promise<void> {
  const config = loadConfig(env);
  if (!config.kafkaBrokers)
    throw new StartupError('KAFKA_BROKERS: the payment role consumes payment requests from Kafka; set it');
  await runUntilSignalled(env, paymentModules);
}
