export { catalogProjection } from './catalog-projection';
export { catalogTables } from './schema';
