export {
  CancelEventDto,
  CreateEventDto,
  UpdateEventDto,
  toEventChanges,
  toNewEventDetails,
} from './event-dtos';
export {
  AddShowDto,
  AddZoneDto,
  UpdateShowDto,
  UpdateZoneDto,
  toShow,
  toShowChanges,
  toZoneChanges,
} from './show-zone-dtos';
export { ConfigureWaitingRoomDto, toWaitingRoomChanges } from './waiting-room-dto';
