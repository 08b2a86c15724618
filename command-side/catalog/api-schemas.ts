// The catalog writes' answers, as the OpenAPI document names them (`npm run openapi`).
export type {
  EventResource,
  ShowResource,
  ShowSummary,
  WaitingRoomResource,
  ZoneResource,
} from '../../domain/catalog';
