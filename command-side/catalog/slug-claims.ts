import { slugCandidate, slugClaimStreamId, slugify, type EventSlugClaimed } from '../../domain/catalog';
import type { EventMetadata } from '../../domain/shared';
import { WrongExpectedVersionError, type EventStore } from '../../infra/ports/event-store';

/** Numbered candidates tried before falling back to a suffix taken from the event id. */
const numberedAttempts = 50;

async function tryClaim(
  store: EventStore,
  slug: string,
  eventId: string,
  metadata: EventMetadata,
): Promise<boolean> {
  const claimed: EventSlugClaimed = { type: 'EventSlugClaimed', data: { slug, eventId } };
  try {
    await store.append(slugClaimStreamId(slug), [{ ...claimed, metadata }], 'no_stream');
    return true;
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) return false;
    throw error;
  }
}

/**
 * A unique slug for a new event: the first of "name", "name-2", "name-3", … whose `eventSlug-<slug>`
 * stream this append creates (no stream expected, so two concurrent creates never get the same one).
 * A claim whose event is then never created only leaves that slug unused.
 */
export async function claimSlug(
  store: EventStore,
  name: string,
  eventId: string,
  metadata: EventMetadata,
): Promise<string> {
  const base = slugify(name);
  for (let attempt = 1; attempt <= numberedAttempts; attempt++) {
    const slug = slugCandidate(base, attempt);
    if (await tryClaim(store, slug, eventId, metadata)) return slug;
  }
  const slug = `${base}-${eventId.slice(0, 8)}`;
  if (await tryClaim(store, slug, eventId, metadata)) return slug;
  throw new WrongExpectedVersionError(slugClaimStreamId(slug), 'no_stream', 0);
}
