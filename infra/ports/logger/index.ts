export { silentLogger, type LogMeta, type Logger } from './logger';
