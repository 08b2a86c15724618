export { handleCommand, loadStream, type CommandOutcome } from './handle-command';
export { LogFollower, type FollowerLogger, type FollowerOptions } from './log-follower';
