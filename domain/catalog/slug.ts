const maxSlugLength = 60;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const looksLikeUuid = (value: string): boolean => uuidPattern.test(value);

/**
 * The URL name of an event: lower-case ASCII letters, digits and single dashes ("Rock & Roll Night!"
 * → "rock-roll-night"). A name with no such characters gives "event"; a name that would look like an
 * id (a uuid) is prefixed, so `GET /events/:idOrSlug` is never ambiguous.
 */
export function slugify(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxSlugLength) break;
    slug = next;
  }
  if (!slug) slug = (words[0] ?? 'event').slice(0, maxSlugLength);
  return looksLikeUuid(slug) ? `event-${slug}` : slug;
}

/** The `attempt`-th slug to try (1-based): "rock-night", then "rock-night-2", "rock-night-3", … */
export function slugCandidate(base: string, attempt: number): string {
  return attempt <= 1 ? base : `${base}-${attempt}`;
}
