import type { WaitingRoomSettings, WaitingRoomSettingsBody } from '../api/waiting-room';
import { fromLocalInput, toLocalInput } from '../organizer/datetime';
import { checked, type Checked, type FieldErrors } from '../organizer/form-check';

/** The waiting-room form as typed: numbers stay text until they are checked. */
export type RoomForm = {
  enabled: boolean;
  preQueueOpensAt: string;
  admissionPerMinute: string;
  maxInside: string;
  passLifetimeSeconds: string;
};

/** What the API uses for a room configured the first time without them (docs/api.md). */
export const roomDefaults = { admissionPerMinute: 600, maxInside: 1000, passLifetimeSeconds: 300 } as const;
const defaultLeadMs = 60 * 60 * 1000;

/** The form for the room as it is, or (never configured) off with the API's defaults filled in. */
export function roomFormOf(room: WaitingRoomSettings | null, saleStartsAt: string): RoomForm {
  if (!room)
    return {
      enabled: false,
      preQueueOpensAt: toLocalInput(new Date(Date.parse(saleStartsAt) - defaultLeadMs).toISOString()),
      admissionPerMinute: String(roomDefaults.admissionPerMinute),
      maxInside: String(roomDefaults.maxInside),
      passLifetimeSeconds: String(roomDefaults.passLifetimeSeconds),
    };
  return {
    enabled: room.enabled,
    preQueueOpensAt: toLocalInput(room.preQueueOpensAt),
    admissionPerMinute: String(room.admissionPerMinute),
    maxInside: String(room.maxInside),
    passLifetimeSeconds: String(room.passLifetimeSeconds),
  };
}

const numberFields = ['admissionPerMinute', 'maxInside', 'passLifetimeSeconds'] as const;

/**
 * The fields that differ from the room as it is (all of them the first time), or the fields that are not
 * numbers or dates at all. The ranges are the API's to enforce: its messages show beside the fields.
 */
export function readRoomForm(
  form: RoomForm,
  room: WaitingRoomSettings | null,
): Checked<WaitingRoomSettingsBody> {
  const errors: FieldErrors = {};
  const body: WaitingRoomSettingsBody = {};
  if (!room || form.enabled !== room.enabled) body.enabled = form.enabled;
  if (!room || form.preQueueOpensAt !== toLocalInput(room.preQueueOpensAt)) {
    const opensAt = fromLocalInput(form.preQueueOpensAt);
    if (opensAt) body.preQueueOpensAt = opensAt;
    else errors.preQueueOpensAt = 'Enter a date and time.';
  }
  for (const field of numberFields) {
    const text = form[field].trim();
    if (!/^\d+$/.test(text)) {
      errors[field] = 'Enter a whole number.';
      continue;
    }
    const value = Number(text);
    if (!room || value !== room[field]) body[field] = value;
  }
  return checked(errors, body);
}
