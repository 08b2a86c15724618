import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from '../../logging';

export const silentLogger: Logger = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => silentLogger,
};

/**
 * Routes kafkajs's own log lines to our logger: errors only, as warnings, because kafkajs reports
 * retriable hiccups (a coordinator still loading, a leader moving) at error level.
 */
export const kafkaLogCreator =
  (logger: Logger): logCreator =>
  () =>
  ({ namespace, level, log }) => {
    if (level > logLevel.ERROR) return;
    const { message, timestamp: _timestamp, ...fields } = log;
    logger.warn(`kafkajs: ${message}`, { namespace, ...fields });
  };
