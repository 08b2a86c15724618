// Builds the web app when web/build is missing or stale, with the same script `npm start` runs
// (web/build-if-stale.ts runs `npm run build:web`). Test files run in parallel processes, so a lock file
// makes the others wait for the one that builds.
import { spawn } from 'node:child_process';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { artifactsRoot, repoRoot } from './paths';

const lockFile = path.join(artifactsRoot, '.web-build.lock');
const staleLockMs = 10 * 60_000;

function buildIfStale(): Promise<void> {
  return new Promise((resolve, reject) => {
    const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
    const child = spawn(tsx, ['web/build-if-stale.ts'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else
        reject(new Error(`building the web app failed (exit ${code}); last output:\n${output.slice(-4000)}`));
    });
  });
}

/** Takes the lock (waiting while another process holds it); returns its release. */
async function takeLock(): Promise<() => Promise<void>> {
  await mkdir(artifactsRoot, { recursive: true });
  for (;;) {
    try {
      await (await open(lockFile, 'wx')).close();
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = await stat(lockFile).catch(() => undefined);
      if (held && Date.now() - held.mtimeMs > staleLockMs) await rm(lockFile, { force: true });
      else await sleep(500);
    }
  }
}

/** Makes sure web/build holds a build of the current web sources. */
export async function ensureWebBuild(): Promise<void> {
  const release = await takeLock();
  try {
    await buildIfStale();
  } finally {
    await release();
  }
}
