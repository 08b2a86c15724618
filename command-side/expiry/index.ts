export { ExpirySweeper, sweeperUserId, type ExpirySweeperOptions, type SweepReport } from './expiry-sweeper';
