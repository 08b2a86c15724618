export { foldStream, handleCommand, loadStream, type CommandOutcome } from '../../infra/ports/event-store';
export { LogFollower, type FollowerOptions } from './log-follower';
