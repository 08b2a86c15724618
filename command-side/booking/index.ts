export { ZoneProvisioner } from './zone-provisioner';
export { reconcileZone, type ReconcileOutcome } from './reconcile-zone';
export { latestCapacities, zoneCapacityEventTypes, type ZoneCapacity } from './zone-capacities';
