export { InProcessInventoryActor } from './in-process-inventory-actor';
