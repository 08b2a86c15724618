export {
  foldStream,
  handleCommand,
  loadStream,
  type CommandOutcome,
  type HandleCommandOptions,
} from './handle-command';
export { LogFollower, type FollowerOptions } from './log-follower';
