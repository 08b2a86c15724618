// How long a newcomer waits for a first ticket: a fresh clone, the README's start command
// (`npm install && npm start`), then a scripted buyer in Chromium who signs in, holds a seat, pays and
// sees the QR ticket. A person reads and types more slowly than the script: this is the machine's share.
//
//   npm run bench:first-ticket -- [--runs 3] [--repo .]
//
// Per run: a new clone of the repository's HEAD, `npm install` (the npm cache of this machine is warm,
// as it is after any earlier install), the first `npm start` (which builds the web app) until it listens,
// the purchase, then a second `npm start` on the same clone with a new DATA_DIR (web app already
// built): the baseline that shows what the first build costs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../infra/testing/chromium';
import { cards, demo } from '../../tests/browser/support/api';
import { holdSeats, openEvent, pay, signIn } from '../../tests/browser/support/flows';
import { expectHeading, expectVisible } from '../../tests/browser/support/expectations';

type Run = { installS: number; firstStartS: number; purchaseS: number; warmStartS: number };

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`)),
    );
  });
}

/** `npm start` in `cwd` on a free port; resolves with its URL once it logs `listening`. */
function start(cwd: string, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn('npm', ['start'], {
    cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`npm start exited ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (text) => {
      if (!text.startsWith('{')) return;
      const line = JSON.parse(text) as { msg?: string; port?: number };
      if (line.msg === 'listening') resolve({ url: `http://127.0.0.1:${line.port}`, child });
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

async function buyTicket(url: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await signIn(page, demo.buyer);
    await openEvent(page, demo.eventName);
    await holdSeats(page, 'Floor', 1);
    await pay(page, cards.succeeds);
    await expectHeading(page, 'Your ticket', 30_000);
    await expectVisible(page.getByRole('img', { name: /QR/i }), 'the ticket QR code');
  } finally {
    await browser.close();
  }
}

async function oneRun(repo: string): Promise<Run> {
  const dir = await mkdtemp(path.join(tmpdir(), 'booking-rush-first-ticket-'));
  try {
    await run('git', ['clone', '--quiet', repo, dir], repo);
    let since = performance.now();
    await run('npm', ['install', '--no-audit', '--no-fund'], dir);
    const installS = seconds(since);

    since = performance.now();
    const first = await start(dir, path.join(dir, '.data'));
    const firstStartS = seconds(since);
    since = performance.now();
    try {
      await buyTicket(first.url);
    } finally {
      await stop(first.child);
    }
    const purchaseS = seconds(since);

    since = performance.now();
    const warm = await start(dir, path.join(dir, '.data-warm'));
    const warmStartS = seconds(since);
    await stop(warm.child);
    return { installS, firstStartS, purchaseS, warmStartS };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, repo: { type: 'string', default: '.' } },
});
const repo = path.resolve(values.repo);
const runs: Run[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  runs.push(await oneRun(repo));
  console.error(`run ${i + 1}: ${JSON.stringify(runs.at(-1))}`);
}
const medians = Object.fromEntries(
  (['installS', 'firstStartS', 'purchaseS', 'warmStartS'] as const).map((key) => [
    key,
    median(runs.map((r) => r[key])),
  ]),
);
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
      node: process.version,
      runs,
      medians,
    },
    null,
    2,
  ),
);
