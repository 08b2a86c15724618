/**
 * For pages that load again when their address changes (a search, a filter, a tab): a newer request may
 * answer before an older one, and the older answer must not replace the newer. `begin()` marks a new
 * request and returns a check that stays true only while no later request has begun.
 */
export function latestOnly(): { begin(): () => boolean } {
  let latest = 0;
  return {
    begin() {
      const request = ++latest;
      return () => request === latest;
    },
  };
}
