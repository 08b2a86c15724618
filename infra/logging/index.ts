export type { LogMeta, Logger, RootLogger } from './logger';
export { createLogger, type LoggerOptions } from './create-logger';
export { currentContext, runWithContext, type RequestContext } from './request-context';
