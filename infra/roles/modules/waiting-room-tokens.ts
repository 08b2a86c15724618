import type { ServiceIdentifier } from 'inversify';
import type { QueuePasses, WaitingRoomDesk } from '../../../command-side/waiting-room';
import type { WaitingLine } from '../../ports/waiting-line';
import type { AdmissionRunner } from '../../waiting-room';

/** What the waiting-room module binds. */
export const WaitingRoomTokens = {
  /** Signs passes and checks them on `POST /bookings`. */
  Passes: Symbol('QueuePasses') as ServiceIdentifier<QueuePasses>,
  /** The line on Redis (its own connection, off the hot path's) or in-process. */
  Line: Symbol('WaitingLine') as ServiceIdentifier<WaitingLine>,
  Desk: Symbol('WaitingRoomDesk') as ServiceIdentifier<WaitingRoomDesk>,
  Runner: Symbol('AdmissionRunner') as ServiceIdentifier<AdmissionRunner>,
} as const;
