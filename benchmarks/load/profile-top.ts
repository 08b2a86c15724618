// Top frames of a V8 CPU profile by self time (for RESULTS.md's "where the time goes").
// Usage: tsx benchmarks/load/profile-top.ts <file.cpuprofile> [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type Profile = { nodes: Node[]; samples?: number[]; timeDeltas?: number[] };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const file = positionals[0];
if (!file) throw new Error('Usage: tsx benchmarks/load/profile-top.ts <file.cpuprofile> [--top 25]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<number, number>();
const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];
for (let index = 0; index < samples.length; index++) {
  const id = samples[index]!;
  selfMs.set(id, (selfMs.get(id) ?? 0) + (deltas[index] ?? 0) / 1000);
}

const byFrame = new Map<string, number>();
let total = 0;
for (const [id, ms] of selfMs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const where = url
    ? `${url.replace(/^file:\/\/.*?\/(node_modules|work\/main)\//, '$1/')}:${lineNumber + 1}`
    : '';
  const key = `${functionName || '(anonymous)'} ${where}`.trim();
  byFrame.set(key, (byFrame.get(key) ?? 0) + ms);
  total += ms;
}
const top = [...byFrame.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
console.log(`total sampled ${Math.round(total)} ms`);
for (const [frame, ms] of top) console.log(`${((ms / total) * 100).toFixed(1).padStart(5)}%  ${frame}`);
