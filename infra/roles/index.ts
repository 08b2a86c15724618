export { startEmbedded, type RunningProcess, type StartOptions } from './start';
export { buildEmbeddedContainer, EventStoreSql } from './embedded-container';
export { embeddedModules } from './embedded-modules';
export { StartupError } from './startup-error';
export { pgliteDir } from './open-sql';
