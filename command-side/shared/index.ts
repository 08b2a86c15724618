export { handleCommand, loadStream, type CommandOutcome } from './handle-command';
