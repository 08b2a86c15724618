import type { ServiceIdentifier } from 'inversify';
import type { CatalogCommands, CatalogViewFollower, SeatsTaken } from '../../../command-side/catalog';
import type { ZoneAvailability } from '../../ports/zone-availability';

/** The catalog's tokens: what `catalog-module.ts` binds, and the two seat questions it asks. */
export const CatalogTokens = {
  /** The in-memory catalog (zone → show, event, price, sale window, limit) and its log follower. */
  View: Symbol('CatalogView') as ServiceIdentifier<CatalogViewFollower>,
  Commands: Symbol('CatalogCommands') as ServiceIdentifier<CatalogCommands>,
  /** Port: seats taken in a zone (a capacity cut below them is refused); bound by the booking module. */
  SeatsTaken: Symbol('SeatsTaken') as ServiceIdentifier<SeatsTaken>,
  /** Port: the seats left per zone the catalog's reads show; bound by the booking module. */
  ZoneAvailability: Symbol('ZoneAvailability') as ServiceIdentifier<ZoneAvailability>,
} as const;
