export { mayChange, mayOrganize, type Actor, type ActorRole } from './actor';
export type {
  CatalogEvent,
  EventCancelled,
  EventCreated,
  EventDetails,
  EventPublished,
  EventUpdated,
  ShowAdded,
  WaitingRoomConfigured,
  WaitingRoomPaused,
  WaitingRoomResumed,
  WaitingRoomSettings,
  ShowUpdated,
  ZoneCreated,
  ZoneUpdated,
} from './events';
export { catalogEventTypes } from './events';
export type {
  AddShow,
  AddZone,
  CancelEvent,
  CatalogCommand,
  ConfigureWaitingRoom,
  CreateEvent,
  NewEventDetails,
  PauseAdmission,
  PublishEvent,
  ResumeAdmission,
  UpdateEvent,
  UpdateShow,
  UpdateZone,
} from './commands';
export {
  evolve,
  findZone,
  initialEventState,
  type EventState,
  type EventStatus,
  type ExistingEvent,
  type Show,
  type WaitingRoom,
  type Zone,
} from './state';
export { defaultWaitingRoomSettings, waitingRoomLimits } from './decide-waiting-room';
export { eventDecider } from './decider';
export { eventNotFound, showNotFound, zoneNotFound } from './errors';
export { defaultMaxTicketsPerUser, maxTicketsPerUserLimit } from './rules';
export { looksLikeUuid, slugCandidate, slugify } from './slug';
export {
  eventCategory,
  eventStreamId,
  slugClaimCategory,
  slugClaimStreamId,
  showPointerCategory,
  showPointerStreamId,
  zonePointerCategory,
  zonePointerStreamId,
  type EventSlugClaimed,
  type ShowIdReserved,
  type ZoneIdReserved,
} from './streams';
export {
  toEventResource,
  toEventWaitingRoomResource,
  toShowResource,
  toWaitingRoomResource,
  toZoneResource,
  type EventResource,
  type EventWaitingRoomResource,
  type ShowResource,
  type ShowSummary,
  type WaitingRoomResource,
  type ZoneResource,
} from './resources';
