// The trace picture without servers: a small hand-built trace (a browser's two requests, a saga batch
// and a relay batch linked to them, a Kafka send, the notifier's consumer and its e-mail, and spans off
// the way) drawn as rows, page, text and PNG.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  causalPath,
  pageHeight,
  renderTracePicture,
  waterfall,
  waterfallPage,
  waterfallText,
  type TraceSpan,
} from './trace-picture';

const t0 = Date.parse('2026-12-08T10:30:00Z');
const browserTrace = 'a'.repeat(32);
const sagaTrace = 'b'.repeat(32);
const relayTrace = 'c'.repeat(32);
const otherTrace = 'd'.repeat(32);

function span(
  spanId: string,
  name: string,
  kind: TraceSpan['kind'],
  [start, end]: readonly [number, number],
  more: Partial<TraceSpan> = {},
): TraceSpan {
  return {
    traceId: browserTrace,
    spanId,
    name,
    kind,
    start: t0 + start,
    end: t0 + end,
    attributes: {},
    links: [],
    ...more,
  };
}
const sql = (spanId: string, operation: string, parentSpanId: string, at: number, traceId: string) =>
  span(spanId, `${operation} booking`, 'client', [at, at + 1], {
    traceId,
    parentSpanId,
    attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation },
  });

const browser = 'b0b0b0b0b0b0b0b0';
const spans: TraceSpan[] = [
  span('0000000000000001', 'POST /api/v1/bookings', 'server', [0, 20], { parentSpanId: browser }),
  span('0000000000000002', 'EVALSHA hold', 'client', [2, 3], {
    parentSpanId: '0000000000000001',
    attributes: { 'db.system.name': 'redis' },
  }),
  span('0000000000000003', 'append booking', 'internal', [4, 18], { parentSpanId: '0000000000000001' }),
  sql('0000000000000004', 'SELECT', '0000000000000003', 5, browserTrace),
  span('0000000000000005', 'POST /api/v1/bookings/:id/pay', 'server', [30, 50], {
    parentSpanId: browser,
    failed: true,
  }),
  // The saga's batch: a trace of its own, linked to the pay request whose event it handles.
  span('0000000000000006', 'follow projection:booking-saga', 'internal', [60, 80], {
    traceId: sagaTrace,
    links: ['0000000000000005'],
    attributes: { 'booking_rush.follower': 'projection:booking-saga' },
  }),
  span('0000000000000007', 'transaction', 'internal', [61, 79], {
    traceId: sagaTrace,
    parentSpanId: '0000000000000006',
  }),
  sql('0000000000000008', 'BEGIN', '0000000000000007', 61, sagaTrace),
  sql('0000000000000009', 'INSERT', '0000000000000007', 63, sagaTrace),
  sql('000000000000000a', 'INSERT', '0000000000000007', 65, sagaTrace),
  sql('000000000000000b', 'COMMIT', '0000000000000007', 77, sagaTrace),
  // The relay's batch, linked to the pay request and the saga's transaction (it relays the events each
  // wrote), sends to Kafka; the notifier handles it.
  span('000000000000000c', 'follow relay:integration-relay', 'internal', [90, 100], {
    traceId: relayTrace,
    links: ['0000000000000005', '0000000000000007'],
    attributes: { 'booking_rush.follower': 'relay:integration-relay' },
  }),
  span('000000000000000d', 'send bookings', 'producer', [90, 95], {
    traceId: relayTrace,
    parentSpanId: '000000000000000c',
  }),
  span('000000000000000e', 'process bookings', 'consumer', [96, 97], {
    traceId: relayTrace,
    parentSpanId: '000000000000000d',
    attributes: { 'messaging.consumer.group.name': 'notifier' },
  }),
  span('000000000000000f', 'send email', 'internal', [97, 140], {
    traceId: relayTrace,
    parentSpanId: '000000000000000e',
  }),
  // Off the way to the e-mail: a projection's batch linked to the reserve, and an unrelated request.
  span('0000000000000010', 'follow projection:stream-index', 'internal', [25, 28], {
    traceId: otherTrace,
    links: ['0000000000000001'],
  }),
  span('0000000000000011', 'GET /api/v1/bookings/:id', 'server', [100, 102], { parentSpanId: browser }),
];

const roleOf = (one: TraceSpan): string | undefined => {
  if (one.kind === 'server') return 'command-api';
  if (one.attributes['booking_rush.follower'] === 'projection:booking-saga') return 'saga';
  if (one.attributes['booking_rush.follower'] === 'relay:integration-relay') return 'relay';
  const group = one.attributes['messaging.consumer.group.name'];
  return typeof group === 'string' ? group : undefined;
};
const drawn = causalPath(spans, ['000000000000000f'], ['0000000000000001']);
const picture = waterfall(drawn, {
  roleOf,
  callers: { [browser]: { label: "the buyer's browser", role: 'browser' } },
  recorded: spans,
});
const labels = [
  "the buyer's browser",
  'POST /api/v1/bookings',
  'EVALSHA hold',
  'append booking',
  'SELECT booking',
  'POST /api/v1/bookings/:id/pay',
  'follow projection:booking-saga',
  'transaction',
  '4 × postgresql: BEGIN, INSERT ×2, COMMIT',
  'follow relay:integration-relay',
  'send bookings',
  'process bookings',
  'send email',
];

describe('the trace picture', () => {
  it('draws the spans on the way to the target, the reserve request and their own work, not the rest', () => {
    assert.deepEqual(
      drawn.map((one) => one.name),
      spans
        .filter((one) => !['0000000000000010', '0000000000000011'].includes(one.spanId))
        .map((one) => one.name),
    );
  });

  it('lays the rows out in parent order: roots by start, children under their parent, calls collapsed', () => {
    assert.deepEqual(
      picture.rows.map((row) => row.label),
      labels,
    );
    assert.deepEqual(
      picture.rows.map((row) => row.depth),
      [0, 1, 2, 2, 3, 1, 0, 1, 2, 0, 1, 2, 3],
    );
    assert.deepEqual(
      picture.rows.map((row) => row.role),
      [
        'browser',
        ...Array(5).fill('command-api'),
        ...Array(3).fill('saga'),
        'relay',
        'relay',
        'notifier',
        'notifier',
      ],
    );
    const [calls] = picture.rows.filter((row) => row.kind === 'calls');
    assert.equal(calls?.spans.length, 4);
    assert.equal(calls.duration, 4, 'a group lasts the sum of its calls');
    assert.equal(picture.rows[0]?.kind, 'caller');
    assert.deepEqual([picture.rows[0]?.start, picture.rows[0]?.end], [0, 50], "the caller's requests");
    assert.deepEqual(picture.rows[6]?.linkedFrom, [6], 'the saga batch links to the pay request');
    assert.deepEqual(
      picture.rows[9]?.linkedFrom,
      [6, 8],
      "the relay batch: the pay request, the saga's transaction",
    );
    assert.deepEqual(picture.traceIds, [browserTrace, sagaTrace, relayTrace]);
    assert.equal(picture.length, 140);
    assert.deepEqual(picture.notDrawn, [{ name: 'follow projection:stream-index', count: 1 }]);
  });

  it('writes the page with the rows in order, the link labels and arrows, the legend and the trace id', () => {
    const html = waterfallPage(picture, {
      title: 'A small trace',
      notes: ['drawn by a test'],
      roleColors: { saga: '#123456' },
    });
    let at = -1;
    for (const label of labels) {
      const next = html.indexOf(`<span class="label">${label.replace("'", '&#39;')}</span>`);
      assert.ok(next > at, `${label} after the row before it`);
      at = next;
    }
    assert.match(html, /<h1>A small trace<\/h1>/);
    assert.ok(html.includes(`trace ${browserTrace} and 2 more joined to it by span links`));
    assert.ok(html.includes('↪ linked from #6 POST /api/v1/bookings/:id/pay'));
    assert.ok(html.includes('↪ linked from #6, #8'), 'more links by their rows');
    assert.equal((html.match(/class="link" marker-end/g) ?? []).length, 3, 'one dashed arrow per link');
    assert.match(html, /<i style="background:#123456"><\/i>saga<\/span>/, "the role's own colour");
    assert.match(html, /class="legend roles"><b>roles<\/b>.*browser.*command-api.*saga.*relay.*notifier/);
    assert.ok(html.includes('a span link'), 'the legend explains the arrows');
    assert.ok(html.includes('Not drawn, also linked from the spans above: follow projection:stream-index.'));
    assert.match(html, /<span class="failed"> failed<\/span>/, 'the failed request says so');
    assert.equal((html.match(/class="call"/g) ?? []).length, 4, 'a bar per collapsed call');
  });

  it('writes the same tree as text, with starts, durations and links', () => {
    const text = waterfallText(picture, { title: 'A small trace' });
    const lines = text.split('\n');
    assert.equal(lines[0], 'A small trace');
    const row = (number: number) => lines.find((line) => line.startsWith(`#${number} `)) ?? '';
    assert.match(row(1), /\+0 ms +50 ms +browser +caller +the buyer's browser \(not recorded here\)/);
    assert.match(row(2), /\+0 ms +20 ms +command-api +server +├─ POST \/api\/v1\/bookings$/);
    assert.ok(row(5).endsWith('client    │     └─ SELECT booking'), row(5));
    assert.match(row(6), /└─ POST \/api\/v1\/bookings\/:id\/pay \[failed\]$/);
    assert.match(row(7), /\+60 ms +20 ms +saga .*follow projection:booking-saga +↪ linked from #6 POST/);
    assert.match(row(9), /Σ 4 ms +saga +client /);
    assert.ok(row(9).endsWith('client       └─ 4 × postgresql: BEGIN, INSERT ×2, COMMIT'), row(9));
    assert.match(row(10), /follow relay:integration-relay +↪ linked from #6, #8$/);
    assert.match(row(13), /\+97 ms +43 ms +notifier +internal /);
    assert.ok(row(13).endsWith('internal        └─ send email'), row(13));
  });

  describe('as a PNG', () => {
    let dir: string;
    before(async () => (dir = await mkdtemp(path.join(tmpdir(), 'trace-picture-'))));
    after(() => rm(dir, { recursive: true, force: true }));

    it('screenshots the page at 1,600 px and writes the text beside it', async () => {
      const out = path.join(dir, 'images', 'trace.png');
      const result = await renderTracePicture({ waterfall: picture, title: 'A small trace', out });
      const png = await readFile(out);
      assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
      assert.deepEqual(
        { width: png.readUInt32BE(16), height: png.readUInt32BE(20) },
        { width: 1600, height: pageHeight(picture) },
      );
      assert.ok(png.length > 10_000, `a drawn page, not a blank one (${png.length} bytes)`);
      assert.equal(result.textFile, path.join(dir, 'images', 'trace.txt'));
      assert.equal(await readFile(result.textFile, 'utf8'), result.text);
    });
  });
});
