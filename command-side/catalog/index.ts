export { CatalogCommands, type CatalogCommandDeps } from './catalog-commands';
export { CatalogPointers } from './catalog-pointers';
export { catalogCommandOperations } from './catalog-command-operations';
export { catalogCommandRoutes } from './catalog-command-routes';
export { CatalogView, type ZoneForSale } from './catalog-view';
export { CatalogViewFollower } from './catalog-view-follower';
export type { SeatsTaken } from './seats-taken';
export { claimSlug } from './slug-claims';
