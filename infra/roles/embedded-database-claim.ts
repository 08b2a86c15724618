import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * PGlite opens a data directory that another process has open without complaint, and two writers
 * corrupt it. So the process that opens it leaves its pid beside it; another live process refuses.
 * A stale file (its process died) is taken over; the file goes when this process exits.
 */
export function claimEmbeddedDatabase(dir: string): void {
  const file = `${dir}.pid`;
  const owner = ownerOf(file);
  if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `it is open in process ${owner} (a running server?): stop that process, or use PostgreSQL (SQL_DRIVER=postgres, EVENT_STORE=postgres, DATABASE_URL)`,
    );
  }
  writeFileSync(file, String(process.pid));
  if (claimed.size === 0) process.once('exit', releaseClaims);
  claimed.add(file);
}

const claimed = new Set<string>();

function releaseClaims(): void {
  for (const file of claimed) if (ownerOf(file) === process.pid) rmSync(file, { force: true });
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
