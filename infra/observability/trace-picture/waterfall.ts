// A trace as the rows of a waterfall: one row per span, children under their parent in start order,
// roots (a request, a follower's batch) in start order too. A follower's batch is a root of its own
// trace that links to the spans whose events it handles; a row names the rows it links to. Parents that
// were not recorded here (the caller's own span) appear as a row when named. Runs of sibling database
// calls without children of their own collapse into one row ("8 × postgresql: BEGIN, UPDATE, …").
import type { SpanKindName, TraceSpan } from './trace-spans';
import { childrenById } from './trace-spans';

export interface Caller {
  /** What the row says: "the buyer's browser". */
  readonly label: string;
  readonly role: string;
}

export interface WaterfallOptions {
  /** The role (process) whose work a span is; undefined: its parent's (a root's: "other"). */
  readonly roleOf?: (span: TraceSpan) => string | undefined;
  /** Parents not among the spans, by span id, drawn as a row above their children. */
  readonly callers?: Readonly<Record<string, Caller>>;
  /** Sibling database calls without children collapse into one row from this many in a row (default 2). */
  readonly collapseFrom?: number;
  /** Every span recorded: the roots among them that link to a drawn span are named as not drawn. */
  readonly recorded?: readonly TraceSpan[];
}

export type RowKind = SpanKindName | 'caller' | 'calls';

export interface WaterfallRow {
  /** From 1, in drawing order: how link labels name rows. */
  readonly number: number;
  readonly depth: number;
  /** Per ancestor level below the roots, and then its own: whether that one is the last of its siblings. */
  readonly lastAt: readonly boolean[];
  readonly label: string;
  readonly kind: RowKind;
  readonly role: string;
  /** The span, or the collapsed calls; none for a caller. */
  readonly spans: readonly TraceSpan[];
  /** Milliseconds after the waterfall's start. */
  readonly start: number;
  readonly end: number;
  /** The span's duration; a group's summed over its calls; a caller's from its first child to its last. */
  readonly duration: number;
  /** Rows of the spans this row's span links to. */
  readonly linkedFrom: readonly number[];
  /** Links to spans not drawn. */
  readonly linksNotDrawn: number;
  readonly failed: boolean;
}

export interface Waterfall {
  readonly rows: readonly WaterfallRow[];
  /** Unix milliseconds of time 0: the first drawn span's start. */
  readonly origin: number;
  /** Milliseconds from time 0 to the last drawn span's end. */
  readonly length: number;
  /** Distinct trace ids drawn, the first row's first. */
  readonly traceIds: readonly string[];
  readonly spanCount: number;
  /** Roles in order of first appearance. */
  readonly roles: readonly string[];
  /** Roots recorded but not drawn that link to drawn spans, by name, most first. */
  readonly notDrawn: readonly { readonly name: string; readonly count: number }[];
}

type Node =
  | { readonly type: 'span'; readonly span: TraceSpan; readonly children: Node[] }
  | { readonly type: 'calls'; readonly spans: TraceSpan[] }
  | { readonly type: 'caller'; readonly spanId: string; readonly caller: Caller; readonly children: Node[] };

const defaultRoleOf = (span: TraceSpan): string | undefined => {
  const group = span.attributes['messaging.consumer.group.name'];
  const follower = span.attributes['booking_rush.follower'];
  if (typeof group === 'string') return group;
  if (typeof follower === 'string') return follower;
  return span.kind === 'server' ? 'http' : undefined;
};

const isCall = (span: TraceSpan, children: Map<string, TraceSpan[]>): boolean =>
  span.kind === 'client' &&
  typeof span.attributes['db.system.name'] === 'string' &&
  !children.has(span.spanId);

const startOf = (node: Node): number =>
  node.type === 'span' ? node.span.start : node.type === 'calls' ? node.spans[0]!.start : firstStart(node);
const firstStart = (node: Node & { children: Node[] }): number => Math.min(...node.children.map(startOf));

export function waterfall(spans: readonly TraceSpan[], options: WaterfallOptions = {}): Waterfall {
  const roleOf = options.roleOf ?? defaultRoleOf;
  const collapseFrom = options.collapseFrom ?? 2;
  const ids = new Set(spans.map((span) => span.spanId));
  const children = childrenById(spans);
  const byStart = (a: TraceSpan, b: TraceSpan) => a.start - b.start || a.end - b.end;

  const nodesOf = (siblings: readonly TraceSpan[]): Node[] => {
    const nodes: Node[] = [];
    let run: TraceSpan[] = [];
    const flush = () => {
      if (run.length >= collapseFrom) nodes.push({ type: 'calls', spans: run });
      else nodes.push(...run.map((span) => spanNode(span)));
      run = [];
    };
    for (const span of [...siblings].sort(byStart)) {
      const joins =
        isCall(span, children) &&
        (run.length === 0 || run[0]!.attributes['db.system.name'] === span.attributes['db.system.name']);
      if (!joins) flush();
      if (isCall(span, children)) run.push(span);
      else nodes.push(spanNode(span));
    }
    flush();
    return nodes;
  };
  const spanNode = (span: TraceSpan): Node => ({
    type: 'span',
    span,
    children: nodesOf(children.get(span.spanId) ?? []),
  });

  // Roots: spans without a drawn parent, those of a named caller under the caller's row.
  const top: Node[] = [];
  const callerNodes = new Map<string, Node & { type: 'caller' }>();
  const orphans: TraceSpan[] = [];
  for (const span of spans) {
    if (span.parentSpanId !== undefined && ids.has(span.parentSpanId)) continue;
    const caller = span.parentSpanId === undefined ? undefined : options.callers?.[span.parentSpanId];
    if (!caller || span.parentSpanId === undefined) {
      orphans.push(span);
      continue;
    }
    let node = callerNodes.get(span.parentSpanId);
    if (!node) {
      node = { type: 'caller', spanId: span.parentSpanId, caller, children: [] };
      callerNodes.set(span.parentSpanId, node);
      top.push(node);
    }
    node.children.push(spanNode(span));
  }
  for (const node of callerNodes.values()) node.children.sort((a, b) => startOf(a) - startOf(b));
  top.push(...nodesOf(orphans));
  top.sort((a, b) => startOf(a) - startOf(b));

  const origin = Math.min(...spans.map((span) => span.start));
  const finish = Math.max(...spans.map((span) => span.end));

  // Rows in depth-first order; each span's row number, for the links.
  type Pending = Omit<WaterfallRow, 'linkedFrom' | 'linksNotDrawn'> & { readonly links: readonly string[] };
  const pending: Pending[] = [];
  const rowOf = new Map<string, number>();
  const roles: string[] = [];
  const walk = (node: Node, depth: number, lastAt: readonly boolean[], parentRole: string) => {
    const number = pending.length + 1;
    const base = { number, depth, lastAt };
    if (node.type === 'caller') {
      const start = firstStart(node) - origin;
      const end = Math.max(...node.children.flatMap(spansUnder).map((span) => span.end)) - origin;
      pending.push({
        ...base,
        label: node.caller.label,
        kind: 'caller',
        role: node.caller.role,
        spans: [],
        start,
        end,
        duration: end - start,
        failed: false,
        links: [],
      });
      noteRole(node.caller.role);
      node.children.forEach((child, index, all) =>
        walk(child, depth + 1, [...lastAt, index === all.length - 1], node.caller.role),
      );
      return;
    }
    if (node.type === 'calls') {
      const system = String(node.spans[0]!.attributes['db.system.name']);
      const role = parentRole;
      for (const span of node.spans) rowOf.set(span.spanId, number);
      pending.push({
        ...base,
        label: `${node.spans.length} × ${system}: ${operations(node.spans)}`,
        kind: 'calls',
        role,
        spans: node.spans,
        start: node.spans[0]!.start - origin,
        end: Math.max(...node.spans.map((span) => span.end)) - origin,
        duration: node.spans.reduce((sum, span) => sum + (span.end - span.start), 0),
        failed: node.spans.some((span) => span.failed === true),
        links: node.spans.flatMap((span) => span.links),
      });
      return;
    }
    const { span } = node;
    const role = roleOf(span) ?? parentRole;
    noteRole(role);
    rowOf.set(span.spanId, number);
    pending.push({
      ...base,
      label: span.name,
      kind: span.kind,
      role,
      spans: [span],
      start: span.start - origin,
      end: span.end - origin,
      duration: span.end - span.start,
      failed: span.failed === true,
      links: span.links,
    });
    node.children.forEach((child, index, all) =>
      walk(child, depth + 1, [...lastAt, index === all.length - 1], role),
    );
  };
  const noteRole = (role: string) => {
    if (!roles.includes(role)) roles.push(role);
  };
  for (const node of top) walk(node, 0, [], 'other');

  const rows: WaterfallRow[] = pending.map(({ links, ...row }) => {
    const drawn = links.filter((id) => rowOf.has(id));
    return {
      ...row,
      linkedFrom: [...new Set(drawn.map((id) => rowOf.get(id)!))],
      linksNotDrawn: links.length - drawn.length,
    };
  });
  const traceIds = [...new Set(rows.flatMap((row) => row.spans.map((span) => span.traceId)))];
  const counts = new Map<string, number>();
  for (const span of options.recorded ?? [])
    if (span.parentSpanId === undefined && !ids.has(span.spanId) && span.links.some((id) => ids.has(id)))
      counts.set(span.name, (counts.get(span.name) ?? 0) + 1);
  const notDrawn = [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return {
    rows,
    origin,
    length: finish - origin,
    traceIds,
    spanCount: spans.length,
    roles,
    notDrawn,
  };
}

function spansUnder(node: Node): TraceSpan[] {
  if (node.type === 'calls') return node.spans;
  const own = node.type === 'span' ? [node.span] : [];
  return [...own, ...node.children.flatMap(spansUnder)];
}

/** "BEGIN, UPDATE, SELECT ×3, INSERT ×2, COMMIT": each operation once, in order of first call. */
function operations(spans: readonly TraceSpan[]): string {
  const counts = new Map<string, number>();
  for (const span of spans) {
    const operation = span.attributes['db.operation.name'];
    const name = typeof operation === 'string' ? operation : (span.name.split(' ')[0] ?? span.name);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(', ');
}
