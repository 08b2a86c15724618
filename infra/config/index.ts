export {
  loadConfig,
  type Config,
  type EventStoreKind,
  type LogLevel,
  type RedisTarget,
  type SqlDriver,
} from './load-config';
export { ConfigError } from './config-error';
export type { Env } from './read-variables';
export { renderEnvTable } from './env-table';
export { variables as configVariables, type VariableName } from './variables';
