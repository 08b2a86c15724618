export { catalogProjection } from './catalog-projection';
export { catalogTables } from './catalog-tables';
