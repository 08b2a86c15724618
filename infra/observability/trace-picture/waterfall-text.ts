// The waterfall as plain text: an indented tree with each row's start, duration, role and kind, and the
// rows it links to. For a terminal, and for reviewing the picture's content in a diff.
import { formatValue } from '../dashboard-picture';
import type { Waterfall, WaterfallRow } from './waterfall';

export interface TextOptions {
  readonly title: string;
  /** Lines under the title (where the spans came from). */
  readonly notes?: readonly string[];
}

/** A duration: "242 ms", "1.06 ms", "109 µs". */
export const milliseconds = (ms: number): string => formatValue(ms / 1000, 's');

/** A time after the waterfall's start, to a tenth of a millisecond: "0 ms", "+84 ms", "1.25 s". */
export const offset = (ms: number): string =>
  ms < 1000 ? `${Number(ms.toFixed(1))} ms` : `${Number((ms / 1000).toFixed(3))} s`;

/** "├─ " and "│  " guides of the row's ancestors and its own place among its siblings. */
export function treePrefix(row: WaterfallRow): string {
  return row.lastAt
    .map((last, level) => (level === row.lastAt.length - 1 ? (last ? '└─ ' : '├─ ') : last ? '   ' : '│  '))
    .join('');
}

/** "↪ linked from #12 transaction" (one link), "↪ linked from #6, #13" (more), or nothing. */
export function linkNote(row: WaterfallRow, rows: readonly WaterfallRow[]): string {
  const [only] = row.linkedFrom;
  const drawn =
    row.linkedFrom.length === 1 && only !== undefined
      ? [`#${only} ${rows[only - 1]?.label ?? ''}`.trim()]
      : row.linkedFrom.map((number) => `#${number}`);
  const outside = row.linksNotDrawn > 0 ? [`${row.linksNotDrawn} not drawn`] : [];
  const all = [...drawn, ...outside];
  return all.length ? `↪ linked from ${all.join(', ')}` : '';
}

export function durationText(row: WaterfallRow): string {
  return row.kind === 'calls' ? `Σ ${milliseconds(row.duration)}` : milliseconds(row.duration);
}

export function waterfallText(picture: Waterfall, options: TextOptions): string {
  const { rows } = picture;
  const table = rows.map((row) => [
    `#${row.number}`,
    `+${offset(row.start)}`,
    durationText(row),
    row.role,
    row.kind === 'caller' ? 'caller' : row.kind === 'calls' ? 'client' : row.kind,
    `${treePrefix(row)}${row.label}${row.kind === 'caller' ? ' (not recorded here)' : ''}${row.failed ? ' [failed]' : ''}`,
    linkNote(row, rows),
  ]);
  const head = ['#', 'start', 'duration', 'role', 'kind', 'span', ''];
  const widths = head
    .slice(0, 5)
    .map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column];
        if (width === undefined) return cell;
        return column === 1 || column === 2 ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const spanWidth = Math.max(...table.map((cells) => cells[5]!.length));
  const withLinks = table.map((cells) => [...cells.slice(0, 5), cells[5]!.padEnd(spanWidth), cells[6]!]);
  const notDrawn = picture.notDrawn.length
    ? [
        '',
        `Not drawn, also linked from the spans above: ${picture.notDrawn
          .map(({ name, count }) => (count > 1 ? `${name} ×${count}` : name))
          .join(', ')}.`,
      ]
    : [];
  return [
    options.title,
    ...(options.notes ?? []),
    summary(picture),
    '',
    line(head),
    ...withLinks.map(line),
    ...notDrawn,
    '',
  ].join('\n');
}

/** "trace 0af7…; 3 traces joined by links · 56 spans in 38 rows · 496 ms". */
export function summary(picture: Waterfall): string {
  const [first, ...others] = picture.traceIds;
  const traces = others.length
    ? `trace ${first} and ${others.length} more joined to it by span links`
    : `trace ${first}`;
  return `${traces} · ${picture.spanCount} spans in ${picture.rows.length} rows · ${milliseconds(picture.length)} from first start to last end`;
}
