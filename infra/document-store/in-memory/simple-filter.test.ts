import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Query, update as mingoUpdate } from 'mingo';
import type { Doc, Filter } from '../../ports/document-store';
import { compileSimpleFilter } from './simple-filter';
import { applySimpleUpdate } from './simple-update';

/** A small deterministic generator, so a failure names the seed that reproduces it. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const scalars = [null, 0, 1, 2, -1, 1.5, '', 'a', 'b', 'pending', 'sent', true, false] as const;
const fields = ['a', 'b', 'status'] as const;

function documentOf(r: ReturnType<typeof random>, id: number): Doc {
  const doc: Doc = { _id: `d${id}` };
  for (const field of fields) {
    const roll = r.next();
    if (roll < 0.15) continue; // missing
    if (roll < 0.3) doc[field] = [r.pick(scalars), r.pick(scalars)];
    else if (roll < 0.35) doc[field] = new Date(0);
    else if (roll < 0.4) doc[field] = { nested: r.pick(scalars) };
    else doc[field] = r.pick(scalars);
  }
  return doc;
}

function conditionOf(r: ReturnType<typeof random>): unknown {
  const roll = r.next();
  if (roll < 0.35) return r.pick(scalars);
  const operator = r.pick(['$eq', '$ne', '$in', '$lt', '$lte', '$gt', '$gte', '$exists'] as const);
  if (operator === '$in') return { $in: [r.pick(scalars), r.pick(scalars)] };
  if (operator === '$exists') return { $exists: r.next() < 0.5 };
  const operand = ['$lt', '$lte', '$gt', '$gte'].includes(operator)
    ? r.pick([0, 1, 2, 'a', 'b', 'pending'] as const)
    : r.pick(scalars);
  return r.next() < 0.2 ? { [operator]: operand, $ne: r.pick(scalars) } : { [operator]: operand };
}

function filterOf(r: ReturnType<typeof random>, depth = 0): Filter {
  const filter: Filter = {};
  const count = 1 + Math.floor(r.next() * 2);
  for (let index = 0; index < count; index += 1) {
    if (depth === 0 && r.next() < 0.2) {
      filter[r.pick(['$or', '$and'] as const)] = [filterOf(r, 1), filterOf(r, 1)];
    } else {
      filter[r.pick(fields)] = conditionOf(r);
    }
  }
  return filter;
}

test('the simple filter matches exactly the documents mingo matches', () => {
  for (let seed = 1; seed <= 400; seed += 1) {
    const r = random(seed);
    const docs = Array.from({ length: 30 }, (_, id) => documentOf(r, id));
    const filter = filterOf(r);
    const simple = compileSimpleFilter(filter);
    assert.ok(simple, `seed ${seed}: ${JSON.stringify(filter)} should compile`);
    const query = new Query(filter);
    for (const doc of docs) {
      assert.equal(
        simple(doc),
        query.test(doc),
        `seed ${seed}: ${JSON.stringify(filter)} on ${JSON.stringify(doc)}`,
      );
    }
  }
});

test('filters it does not understand are left to mingo', () => {
  for (const filter of [
    { 'a.b': 1 },
    { a: { nested: 1 } },
    { a: new Date(0) },
    { a: { $regex: 'x' } },
    { a: { $lt: true } },
    { $nor: [{ a: 1 }] },
    { $or: [] },
    { a: { $in: [{ x: 1 }] } },
  ] as Filter[]) {
    assert.equal(compileSimpleFilter(filter), undefined, JSON.stringify(filter));
  }
});

test('a simple update writes what mingo writes, and refuses what it cannot do', () => {
  const base = (): Doc => ({ _id: 'x', n: 1, s: 'a', list: [1] });
  const cases: Parameters<typeof applySimpleUpdate>[1][] = [
    { $set: { s: 'b', t: { deep: [1, 2] } } },
    { $inc: { n: 2, fresh: 5 } },
    { $set: { s: null }, $inc: { n: -1 } },
  ];
  for (const modifier of cases) {
    const ours = base();
    const theirs = base();
    assert.equal(applySimpleUpdate(ours, structuredClone(modifier)), true);
    mingoUpdate(theirs, structuredClone(modifier));
    assert.deepEqual(ours, theirs, JSON.stringify(modifier));
  }
  for (const modifier of [
    { $set: { 'a.b': 1 } },
    { $set: { _id: 'y' } },
    { $set: { s: undefined } },
    { $inc: { s: 1 } },
    { $set: { n: 1 }, $inc: { n: 1 } },
  ]) {
    const doc = base();
    assert.equal(applySimpleUpdate(doc, modifier as never), false, JSON.stringify(modifier));
    assert.deepEqual(doc, base(), 'left untouched');
  }
});
