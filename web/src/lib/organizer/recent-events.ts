import type { ManagedEvent } from '../api/organizer';

// The event a command just returned, for the page that opens next: the read model may not have it yet.
const recent = new Map<string, ManagedEvent>();

export function rememberEvent(event: ManagedEvent): void {
  recent.set(event.id, event);
}

/** The remembered event, once: later visits read it from the API. */
export function takeRememberedEvent(id: string): ManagedEvent | undefined {
  const event = recent.get(id);
  recent.delete(id);
  return event;
}
