export {
  CancelEventDto,
  CreateEventDto,
  UpdateEventDto,
  toEventChanges,
  toNewEventDetails,
} from './event-dtos';
export { AddShowDto, AddZoneDto, UpdateZoneDto, toShow, toZoneChanges } from './show-zone-dtos';
