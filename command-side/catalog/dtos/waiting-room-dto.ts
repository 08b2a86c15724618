import { IsBoolean, IsInt } from 'class-validator';
import type { WaitingRoomSettings } from '../../../domain/catalog';
import { IsInstant, Optional, utc } from './decorators';

/**
 * `PUT /events/:id/waiting-room`: any subset of the settings; the bounds are the decider's
 * (`waitingRoomLimits`), so one place says them and a refusal names the field.
 */
export class ConfigureWaitingRoomDto {
  @Optional() @IsBoolean() enabled?: boolean;
  @Optional() @IsInstant() preQueueOpensAt?: string;
  @Optional() @IsInt() admissionPerMinute?: number;
  @Optional() @IsInt() maxInside?: number;
  @Optional() @IsInt() passLifetimeSeconds?: number;
}

export function toWaitingRoomChanges(dto: ConfigureWaitingRoomDto): Partial<WaitingRoomSettings> {
  const changes: { -readonly [K in keyof WaitingRoomSettings]?: WaitingRoomSettings[K] } = {};
  if (dto.enabled !== undefined) changes.enabled = dto.enabled;
  if (dto.preQueueOpensAt !== undefined) changes.preQueueOpensAt = utc(dto.preQueueOpensAt);
  if (dto.admissionPerMinute !== undefined) changes.admissionPerMinute = dto.admissionPerMinute;
  if (dto.maxInside !== undefined) changes.maxInside = dto.maxInside;
  if (dto.passLifetimeSeconds !== undefined) changes.passLifetimeSeconds = dto.passLifetimeSeconds;
  return changes;
}
