export * from './accessibility';
export * from './api';
export * from './browser-suite';
export * from './expectations';
export type { PageSession, ViewportName } from './page-session';
export { viewports } from './page-session';
export * from './flows';
