// The waterfall as one HTML page, 1,600 px wide: a row per span (number, indented name, role, kind,
// duration) and, on a shared time axis, its bar in its role's colour; dashed arrows from a linked span's
// end to the start of the batch that links to it; a legend. Drawn in the dashboard picture's colours.
import { escapeXml, niceStep } from '../dashboard-picture';
import type { Waterfall, WaterfallRow } from './waterfall';
import { durationText, linkNote, offset, summary, treePrefix } from './waterfall-text';

export interface PageOptions {
  readonly title: string;
  /** Lines under the title and the summary (where the spans came from): two fit. */
  readonly notes?: readonly string[];
  /** A colour per role, so pictures of several runs agree; other roles take the palette's in turn. */
  readonly roleColors?: Readonly<Record<string, string>>;
}

export const pageLayout = {
  width: 1600,
  padding: 16,
  header: 120,
  axis: 24,
  rowHeight: 22,
  legend: 132,
  columns: { number: 36, name: 556, role: 116, kind: 68, duration: 76, gap: 20 },
} as const;

const { columns } = pageLayout;
const timelineLeft =
  pageLayout.padding +
  columns.number +
  columns.name +
  columns.role +
  columns.kind +
  columns.duration +
  columns.gap;
const timelineWidth = pageLayout.width - pageLayout.padding - timelineLeft - 8;

const palette = ['#5794f2', '#b877d9', '#ff9830', '#73bf69', '#f2cc0c', '#ff7383', '#8ab8ff', '#96d98d'];
const linkColor = '#e0e0ec';

export function pageHeight(picture: Waterfall): number {
  return pageLayout.header + pageLayout.axis + picture.rows.length * pageLayout.rowHeight + pageLayout.legend;
}

export function roleColors(
  picture: Waterfall,
  fixed: Readonly<Record<string, string>> = {},
): Map<string, string> {
  const free = palette.filter((color) => !Object.values(fixed).includes(color));
  let next = 0;
  return new Map(picture.roles.map((role) => [role, fixed[role] ?? (free[next++ % free.length] as string)]));
}

export function waterfallPage(picture: Waterfall, options: PageOptions): string {
  const { rows } = picture;
  const colors = roleColors(picture, options.roleColors);
  const htmlRows = rows.map((row) => {
    const kind = row.kind === 'calls' ? 'client' : row.kind;
    const note = linkNote(row, rows);
    const name =
      `<span class="tree">${escapeXml(treePrefix(row))}</span>` +
      `<span class="label">${escapeXml(row.label)}</span>` +
      (row.kind === 'caller' ? '<span class="muted"> (not recorded here)</span>' : '') +
      (row.failed ? '<span class="failed"> failed</span>' : '') +
      (note ? ` <span class="link">${escapeXml(note)}</span>` : '');
    return (
      `<div class="row ${row.kind}" data-row="${row.number}">` +
      `<span class="number">#${row.number}</span>` +
      `<span class="name">${name}</span>` +
      `<span class="role"><i style="background:${colors.get(row.role)}"></i>${escapeXml(row.role)}</span>` +
      `<span class="kind">${kind}</span>` +
      `<span class="duration">${escapeXml(durationText(row))}</span>` +
      `</div>`
    );
  });
  const top = pageLayout.header;
  const chartHeight = pageLayout.axis + rows.length * pageLayout.rowHeight;
  const legendTop = top + chartHeight + 14;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(options.title)}</title><style>${style}</style></head>
<body style="width:${pageLayout.width}px;height:${pageHeight(picture)}px">
<header><h1>${escapeXml(options.title)}</h1>${[summary(picture), ...(options.notes ?? [])]
    .map((line) => `<p>${escapeXml(line)}</p>`)
    .join('')}</header>
<div class="columns" style="top:${top}px"><span class="number">#</span><span class="name">span</span><span class="role">role</span><span class="kind">kind</span><span class="duration">duration</span></div>
<div class="rows" style="top:${top + pageLayout.axis}px">
${htmlRows.join('\n')}
</div>
${timeline(picture, colors)}
${legend(picture, colors, legendTop)}
</body></html>
`;
}

function timeline(picture: Waterfall, colors: ReadonlyMap<string, string>): string {
  const { axis, rowHeight } = pageLayout;
  const height = axis + picture.rows.length * rowHeight;
  const length = picture.length || 1;
  const x = (ms: number) => (ms / length) * timelineWidth;
  const middle = (row: WaterfallRow) => axis + (row.number - 1) * rowHeight + rowHeight / 2;
  const parts: string[] = [
    `<defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="${linkColor}"/></marker></defs>`,
  ];
  const step = niceStep(length, 8);
  for (let tick = 0; tick <= length + step / 1000; tick += step) {
    const at = x(tick).toFixed(1);
    parts.push(
      `<line x1="${at}" x2="${at}" y1="${axis - 4}" y2="${height}" class="grid"/>`,
      `<text x="${at}" y="${axis - 9}" class="tick" text-anchor="${tick === 0 ? 'start' : 'middle'}">${escapeXml(offset(tick))}</text>`,
    );
  }
  for (const row of picture.rows) {
    const y = axis + (row.number - 1) * rowHeight;
    const color = colors.get(row.role) ?? '#8e8e9e';
    const bar = (start: number, end: number, extra = '') =>
      `<rect x="${x(start).toFixed(1)}" y="${y + 5}" width="${Math.max(2, x(end) - x(start)).toFixed(1)}" height="${rowHeight - 10}" rx="2" ${extra}/>`;
    if (row.kind === 'caller') parts.push(bar(row.start, row.end, `class="caller" stroke="${color}"`));
    else if (row.kind === 'calls')
      for (const span of row.spans)
        parts.push(
          bar(span.start - picture.origin, span.end - picture.origin, `class="call" fill="${color}"`),
        );
    else parts.push(bar(row.start, row.end, `fill="${color}"${row.failed ? ' class="failed"' : ''}`));
  }
  for (const row of picture.rows)
    for (const number of row.linkedFrom) {
      const from = picture.rows[number - 1];
      if (!from) continue;
      // From the linked span's end, or from where the batch starts if that is earlier: the events it
      // handles were written by then.
      const [x1, y1, x2, y2] = [x(Math.min(from.end, row.start)), middle(from), x(row.start), middle(row)];
      const bend = Math.max(24, Math.abs(x2 - x1) / 2);
      parts.push(
        `<circle cx="${x1.toFixed(1)}" cy="${y1}" r="2.5" fill="${linkColor}"/>`,
        `<path d="M${x1.toFixed(1)},${y1} C${(x1 + bend).toFixed(1)},${y1} ${(x2 - bend).toFixed(1)},${y2} ${(x2 - 1).toFixed(1)},${y2}" class="link" marker-end="url(#arrow)"/>`,
      );
    }
  return `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" style="left:${timelineLeft}px;top:${pageLayout.header}px" width="${timelineWidth}" height="${height}" viewBox="0 0 ${timelineWidth} ${height}" overflow="visible">${parts.join('')}</svg>`;
}

function legend(picture: Waterfall, colors: ReadonlyMap<string, string>, top: number): string {
  const roles = [...colors]
    .map(([role, color]) => `<span><i style="background:${color}"></i>${escapeXml(role)}</span>`)
    .join('');
  const sample = (svg: string) =>
    `<svg width="46" height="14" viewBox="0 0 46 14" xmlns="http://www.w3.org/2000/svg">${svg}</svg>`;
  const keys = [
    [
      sample('<rect x="1" y="2" width="44" height="10" rx="2" fill="#8e8e9e"/>'),
      'a span: its start and duration on the shared axis; nested under its parent',
    ],
    [
      sample(
        '<rect x="1" y="2" width="6" height="10" fill="#8e8e9e"/><rect x="12" y="2" width="3" height="10" fill="#8e8e9e"/><rect x="20" y="2" width="9" height="10" fill="#8e8e9e"/><rect x="36" y="2" width="8" height="10" fill="#8e8e9e"/>',
      ),
      'n × — sibling database calls in a row, one bar each, Σ their durations',
    ],
    [
      sample(
        '<rect x="1.5" y="2.5" width="43" height="9" rx="2" fill="none" stroke="#8e8e9e" stroke-dasharray="3 2"/>',
      ),
      "a parent not recorded here (the caller's own span)",
    ],
    [
      sample(
        `<circle cx="3" cy="7" r="2.5" fill="${linkColor}"/><path d="M3,7 L40,7" stroke="${linkColor}" stroke-dasharray="4 3"/><path d="M38,3 L45,7 L38,11 z" fill="${linkColor}"/>`,
      ),
      '↪ a span link: the batch starts a trace of its own and links to the spans whose events it handles',
    ],
  ]
    .map(([svg, text]) => `<span>${svg}${escapeXml(text as string)}</span>`)
    .join('');
  const notDrawn = picture.notDrawn.length
    ? `<p class="muted">Not drawn, also linked from the spans above: ${escapeXml(
        picture.notDrawn.map(({ name, count }) => (count > 1 ? `${name} ×${count}` : name)).join(', '),
      )}.</p>`
    : '';
  return `<footer style="top:${top}px"><div class="legend roles"><b>roles</b>${roles}</div><div class="legend keys">${keys}</div>${notDrawn}</footer>`;
}

const style = `
* { box-sizing: border-box; margin: 0; }
body { position: relative; background: #111217; color: #ccccdc; font: 13px/1.3 "DejaVu Sans", "Liberation Sans", sans-serif; }
header { position: absolute; left: ${pageLayout.padding}px; right: ${pageLayout.padding}px; top: 12px; }
h1 { font-size: 20px; font-weight: 500; color: #e6e6ef; margin-bottom: 6px; }
header p { color: #8e8e9e; margin-top: 2px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.columns, .row { position: absolute; left: ${pageLayout.padding}px; right: ${pageLayout.padding}px; display: flex; align-items: center; height: ${pageLayout.rowHeight}px; white-space: nowrap; }
.columns { height: ${pageLayout.axis}px; color: #8e8e9e; font-size: 12px; border-bottom: 1px solid #2c3235; }
.rows { position: absolute; left: 0; right: 0; }
.row { position: relative; left: auto; right: auto; margin: 0 ${pageLayout.padding}px; }
.row:nth-child(even) { background: #181b1f; }
.number { width: ${columns.number}px; color: #8e8e9e; font-size: 11px; flex: none; padding-left: 4px; }
.name { width: ${columns.name}px; flex: none; overflow: hidden; text-overflow: ellipsis; padding-right: 8px; }
.tree { font-family: "DejaVu Sans Mono", monospace; color: #5a5f6a; white-space: pre; font-size: 12px; }
.label { color: #e6e6ef; }
.row.calls .label { color: #a8a8b8; }
.row.caller .label { color: #a8a8b8; font-style: italic; }
.link { color: #f2cc8f; font-size: 12px; }
.muted { color: #8e8e9e; }
.failed { color: #f2495c; }
.role { width: ${columns.role}px; flex: none; overflow: hidden; text-overflow: ellipsis; }
.role i { display: inline-block; width: 9px; height: 9px; border-radius: 2px; margin-right: 6px; }
.kind { width: ${columns.kind}px; flex: none; color: #8e8e9e; font-size: 12px; }
.duration { width: ${columns.duration}px; flex: none; text-align: right; font-variant-numeric: tabular-nums; }
svg.timeline { position: absolute; overflow: visible; }
svg .grid { stroke: #2c3235; stroke-width: 1; }
svg .tick { fill: #8e8e9e; font-size: 11px; }
svg .call { opacity: 0.8; }
svg .caller { fill: none; stroke-width: 1.5; stroke-dasharray: 4 3; }
svg rect.failed { stroke: #f2495c; stroke-width: 2; }
svg .link { fill: none; stroke: ${linkColor}; stroke-width: 1.3; stroke-dasharray: 5 3; opacity: 0.85; }
footer { position: absolute; left: ${pageLayout.padding}px; right: ${pageLayout.padding}px; border-top: 1px solid #2c3235; padding-top: 10px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 22px; margin-bottom: 8px; font-size: 12px; align-items: center; }
.legend b { font-weight: 500; color: #e6e6ef; }
.legend span { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
.legend i { display: inline-block; width: 14px; height: 10px; border-radius: 2px; }
footer p { font-size: 12px; }
`;
