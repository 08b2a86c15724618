import type { ConfigureWaitingRoom, PauseAdmission, ResumeAdmission } from './commands';
import { changeableEvent } from './decide-event';
import { invalidField, invalidState } from './errors';
import type { CatalogEvent, WaitingRoomSettings } from './events';
import type { EventState, ExistingEvent } from './state';

/** Bounds of the settings: generous, but a typo cannot admit a million buyers a minute. */
export const waitingRoomLimits = {
  admissionPerMinute: { min: 1, max: 100_000 },
  maxInside: { min: 1, max: 100_000 },
  passLifetimeSeconds: { min: 30, max: 3_600 },
} as const;

/** A room configured the first time without these gets them. */
export const defaultWaitingRoomSettings = {
  admissionPerMinute: 600,
  maxInside: 1_000,
  passLifetimeSeconds: 300,
} as const;

/** The pre-queue opens an hour before the sale unless told otherwise. */
const defaultPreQueueLeadMs = 60 * 60 * 1000;

function assertWithin(field: keyof typeof waitingRoomLimits, value: number): void {
  const { min, max } = waitingRoomLimits[field];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidField(field, `must be an integer from ${min} to ${max}`);
  }
}

function settingsAfter(command: ConfigureWaitingRoom, event: ExistingEvent): WaitingRoomSettings {
  const before = event.waitingRoom;
  const saleStartsAt = Date.parse(event.details.saleStartsAt);
  const settings: WaitingRoomSettings = {
    enabled: command.settings.enabled ?? before?.enabled ?? true,
    preQueueOpensAt:
      command.settings.preQueueOpensAt ??
      before?.preQueueOpensAt ??
      new Date(saleStartsAt - defaultPreQueueLeadMs).toISOString(),
    admissionPerMinute:
      command.settings.admissionPerMinute ??
      before?.admissionPerMinute ??
      defaultWaitingRoomSettings.admissionPerMinute,
    maxInside: command.settings.maxInside ?? before?.maxInside ?? defaultWaitingRoomSettings.maxInside,
    passLifetimeSeconds:
      command.settings.passLifetimeSeconds ??
      before?.passLifetimeSeconds ??
      defaultWaitingRoomSettings.passLifetimeSeconds,
  };
  const opensAt = Date.parse(settings.preQueueOpensAt);
  if (!Number.isFinite(opensAt)) throw invalidField('preQueueOpensAt', 'must be an ISO 8601 timestamp');
  if (opensAt > saleStartsAt) throw invalidField('preQueueOpensAt', 'must not be after saleStartsAt');
  assertWithin('admissionPerMinute', settings.admissionPerMinute);
  assertWithin('maxInside', settings.maxInside);
  assertWithin('passLifetimeSeconds', settings.passLifetimeSeconds);
  return settings;
}

const sameSettings = (current: WaitingRoomSettings, next: WaitingRoomSettings) =>
  (Object.keys(next) as (keyof WaitingRoomSettings)[]).every((field) => current[field] === next[field]);

/** Sets the room up or changes it, live too; nothing when nothing changes. */
export function configureWaitingRoom(command: ConfigureWaitingRoom, state: EventState): CatalogEvent[] {
  const event = changeableEvent(state, command);
  const settings = settingsAfter(command, event);
  if (event.waitingRoom && sameSettings(event.waitingRoom, settings)) return [];
  return [{ type: 'WaitingRoomConfigured', data: { eventId: event.id, settings, occurredAt: command.now } }];
}

function configuredRoom(command: PauseAdmission | ResumeAdmission, state: EventState): ExistingEvent {
  const event = changeableEvent(state, command);
  if (!event.waitingRoom) throw invalidState('The event has no waiting room');
  return event;
}

/** Stops admitting; already paused is no change. */
export function pauseAdmission(command: PauseAdmission, state: EventState): CatalogEvent[] {
  const event = configuredRoom(command, state);
  if (event.waitingRoom!.paused) return [];
  return [{ type: 'WaitingRoomPaused', data: { eventId: event.id, occurredAt: command.now } }];
}

export function resumeAdmission(command: ResumeAdmission, state: EventState): CatalogEvent[] {
  const event = configuredRoom(command, state);
  if (!event.waitingRoom!.paused) return [];
  return [{ type: 'WaitingRoomResumed', data: { eventId: event.id, occurredAt: command.now } }];
}
