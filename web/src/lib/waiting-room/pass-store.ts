import type { KeyValueStorage } from '../api/token-store';
import type { QueuePass } from '../api/waiting-room';

const prefix = 'booking-rush.queue-pass.';

function parse(text: string | null): QueuePass | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<QueuePass>;
    if (typeof value.token !== 'string' || typeof value.expiresAt !== 'string') return undefined;
    return Number.isFinite(Date.parse(value.expiresAt))
      ? { token: value.token, expiresAt: value.expiresAt }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The queue passes this tab holds, one per event, in sessionStorage: a reload keeps the buyer's turn, a
 * new tab or a new browser session does not (the queue page fetches the pass again from the API).
 */
export class PassStore {
  constructor(private readonly storage: KeyValueStorage | undefined) {}

  /** The event's pass while it is still good at `now`; an ended or unreadable one is forgotten. */
  current(eventId: string, now: number): QueuePass | undefined {
    const pass = parse(this.storage?.getItem(prefix + eventId) ?? null);
    if (pass && Date.parse(pass.expiresAt) > now) return pass;
    this.forget(eventId);
    return undefined;
  }

  keep(eventId: string, pass: QueuePass): void {
    this.storage?.setItem(prefix + eventId, JSON.stringify({ token: pass.token, expiresAt: pass.expiresAt }));
  }

  forget(eventId: string): void {
    this.storage?.removeItem(prefix + eventId);
  }
}

/** This tab's passes (no storage outside a browser). */
export const passes = new PassStore(typeof sessionStorage === 'undefined' ? undefined : sessionStorage);
