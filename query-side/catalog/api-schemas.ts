// The catalog reads' answers, as the OpenAPI document names them (`npm run openapi`).
export type { PageMeta } from '../../infra/http-edge';
export type { CategoryCount } from './catalog-queries';
export type {
  EventSummary,
  EventWithAvailability,
  ShowWithAvailability,
  ZoneWithAvailability,
} from './read-model';
