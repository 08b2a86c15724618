export {
  foldStream,
  handleCommand,
  loadStream,
  type CommandOutcome,
  type HandleCommandOptions,
} from './handle-command';
export { LogFollower, type FollowerLogger, type FollowerOptions } from './log-follower';
