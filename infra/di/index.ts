export { TOKENS } from './tokens';
export type { BackgroundService } from './lifecycle';
