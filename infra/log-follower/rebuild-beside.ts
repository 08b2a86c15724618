import type { LogCursor } from './read-page';
import type { Follower } from './follower';

/**
 * Rebuild by generation: `rebuilding` reads the log from the start into a new generation while `live`
 * keeps serving the old one; once it is near the end, `live` pauses between two pages, `rebuilding`
 * catches up the rest and `swap` makes the new generation the live one (and resumes `live` there).
 * False when `rebuilding` was stopped first; rejects with the checkpoint stores' conflicts.
 */
export async function rebuildBeside<Live extends LogCursor, Scope, Rebuilt extends LogCursor, RebuiltScope>(
  live: Follower<Live, Scope>,
  rebuilding: Follower<Rebuilt, RebuiltScope>,
  swap: (rebuilt: Rebuilt) => Promise<void>,
): Promise<boolean> {
  if (!(await rebuilding.catchUp())) return false;
  return live.exclusive(async () => {
    if (!(await rebuilding.catchUp())) return false;
    await swap(rebuilding.cursor!);
    return true;
  });
}
