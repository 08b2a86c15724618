// Where a V8 CPU profile's time goes (for RESULTS.md's "where the time goes").
// Usage: tsx benchmarks/load/profile-top.ts <file.cpuprofile> [--top 25] [--by frame|owner] [--last-seconds N]
//   --by frame (default): self time per function.
//   --by owner: self time attributed to the nearest caller in a package (node_modules/<name>) or one of our
//     folders (<top>/<sub>), so a socket write shows under whoever wrote (ioredis, express, pg); GC apart.
//   --last-seconds N: only the profile's last N seconds (the load, without start-up and warm-up).
// Shares are of busy time (idle left out).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples?: number[]; timeDeltas?: number[] };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '25' },
    by: { type: 'string', default: 'frame' },
    'last-seconds': { type: 'string' },
  },
});
const file = positionals[0];
if (!file || !['frame', 'owner'].includes(values.by)) {
  throw new Error(
    'Usage: tsx benchmarks/load/profile-top.ts <file.cpuprofile> [--top 25] [--by frame|owner] [--last-seconds N]',
  );
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const frameName = ({ callFrame: { functionName, url, lineNumber } }: Node) => {
  const where = url
    ? `${url.replace(/^file:\/\/.*?\/(node_modules|work\/main)\//, '$1/')}:${lineNumber + 1}`
    : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
};

function ownerName(id: number): string {
  if (byId.get(id)!.callFrame.functionName === '(garbage collector)') return '(garbage collector)';
  const firstNodeInternal: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const { url } = byId.get(at)!.callFrame;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (pkg) return pkg[1]!;
    const ours = /^file:\/\/.*?\/work\/main\/([^/]+\/[^/]+)/.exec(url);
    if (ours) return ours[1]!;
    if (url.startsWith('node:')) firstNodeInternal.push(url);
  }
  return firstNodeInternal[0] ?? frameName(byId.get(id)!);
}

const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];
const totalUs = deltas.reduce((sum, delta) => sum + delta, 0);
const fromUs = values['last-seconds'] === undefined ? 0 : totalUs - Number(values['last-seconds']) * 1e6;
const shares = new Map<string, number>();
let busy = 0;
let clock = 0;
for (let index = 0; index < samples.length; index++) {
  clock += deltas[index] ?? 0;
  if (clock < fromUs) continue;
  const node = byId.get(samples[index]!)!;
  if (node.callFrame.functionName === '(idle)') continue;
  const ms = (deltas[index] ?? 0) / 1000;
  const key = values.by === 'owner' ? ownerName(node.id) : frameName(node);
  shares.set(key, (shares.get(key) ?? 0) + ms);
  busy += ms;
}
const top = [...shares.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
console.log(`busy ${Math.round(busy)} ms sampled (idle left out)`);
for (const [name, ms] of top) console.log(`${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${name}`);
