export {
  ExpirySweeper,
  sweeperUserId,
  type ExpirySweeperOptions,
  type SweepReport,
  type SweeperLogger,
} from './expiry-sweeper';
