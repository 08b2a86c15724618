// Run by `npm start`: builds the web app when web/build is missing or older than its sources, so a
// newcomer's first start builds it and later starts skip the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const builtIndex = join(webDir, 'build', 'index.html');
const sources = ['src', 'static', 'vite.config.ts'].map((name) => join(webDir, name));

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
if (builtAt < Math.max(...sources.map(newestChange))) {
  process.stderr.write('web: building the app (npm run build:web)…\n');
  const build = spawnSync('npm', ['run', '-s', 'build:web'], { stdio: 'inherit', cwd: join(webDir, '..') });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
