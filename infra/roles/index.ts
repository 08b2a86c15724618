export { startEmbedded, type RunningProcess, type StartOptions } from './start';
export { buildEmbeddedContainer, EventStoreSql } from './embedded-container';
export { roleModules, type ContainerRole } from './modules/role-modules';
export { StartupError } from './startup-error';
export { pgliteDir } from './open-sql';
