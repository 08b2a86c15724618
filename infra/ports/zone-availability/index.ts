export type { ZoneAvailability } from './zone-availability';
