export { WakeSignal } from './wake-signal';
