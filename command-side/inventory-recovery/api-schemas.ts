// The admin inventory view's answers, as the OpenAPI document names them (`npm run openapi`).
export type { AdminInventoryResource, AdminZoneInventoryResource } from './admin-inventory-routes';
