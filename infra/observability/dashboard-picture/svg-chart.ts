// A time-series panel drawn as an SVG line chart: y axis with round ticks, times along x, one line per
// series (broken where a value is missing or not finite).
import { formatValue } from './format-value';

export interface ChartLine {
  readonly color: string;
  readonly points: readonly (readonly [number, number])[];
}

export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  /** Unix seconds. */
  readonly start: number;
  readonly end: number;
  /** The query's step: a longer gap between two points breaks the line. */
  readonly stepSeconds: number;
  readonly unit?: string;
  readonly decimals?: number;
}

export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A step of 1, 2 or 5 times a power of ten, about `span / count`. */
export function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= raw) ?? 10;
  return step * power;
}

/** `HH:MM`, or `HH:MM:SS` when ticks are less than a minute apart (a short window). */
const clock = (unixSeconds: number, stepSeconds: number): string =>
  new Date(unixSeconds * 1000).toISOString().slice(11, stepSeconds % 60 === 0 ? 16 : 19);

export function lineChart(lines: readonly ChartLine[], frame: ChartFrame): string {
  const margin = { left: 64, right: 12, top: 8, bottom: 22 };
  const plotWidth = frame.width - margin.left - margin.right;
  const plotHeight = frame.height - margin.top - margin.bottom;
  const values = lines.flatMap((line) => line.points.map(([, value]) => value)).filter(Number.isFinite);
  const low = Math.min(0, ...values);
  const high = Math.max(...values, low);
  const step = niceStep(high > low ? high - low : Math.abs(high) || 1, 4);
  const yMin = Math.floor(low / step) * step;
  const yMax = Math.max(Math.ceil(high / step) * step, yMin + step);
  const x = (time: number) =>
    margin.left + ((time - frame.start) / (frame.end - frame.start || 1)) * plotWidth;
  const y = (value: number) => margin.top + plotHeight - ((value - yMin) / (yMax - yMin)) * plotHeight;

  const parts: string[] = [];
  for (let tick = yMin; tick <= yMax + step / 2; tick += step) {
    const at = y(tick).toFixed(1);
    parts.push(
      `<line x1="${margin.left}" x2="${frame.width - margin.right}" y1="${at}" y2="${at}" class="grid"/>`,
      `<text x="${margin.left - 6}" y="${at}" class="tick" text-anchor="end" dominant-baseline="middle">${escapeXml(formatValue(tick, frame.unit, frame.decimals))}</text>`,
    );
  }
  const timeStep = niceStep((frame.end - frame.start) / 60, 6) * 60;
  for (let tick = Math.ceil(frame.start / timeStep) * timeStep; tick <= frame.end; tick += timeStep) {
    parts.push(
      `<text x="${x(tick).toFixed(1)}" y="${frame.height - 6}" class="tick" text-anchor="middle">${clock(tick, timeStep)}</text>`,
    );
  }
  for (const line of lines) {
    for (const segment of segments(line.points, frame.stepSeconds * 2)) {
      const [first] = segment;
      if (segment.length === 1 && first) {
        parts.push(
          `<circle cx="${x(first[0]).toFixed(1)}" cy="${y(first[1]).toFixed(1)}" r="2" fill="${line.color}"/>`,
        );
        continue;
      }
      const coordinates = segment
        .map(([time, value]) => `${x(time).toFixed(1)},${y(value).toFixed(1)}`)
        .join(' ');
      parts.push(
        `<polyline points="${coordinates}" fill="none" stroke="${line.color}" stroke-width="2" stroke-linejoin="round"/>`,
      );
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}">${parts.join('')}</svg>`;
}

/** Runs of finite points with no gap longer than `maxGap` seconds between two of them. */
function segments(
  points: readonly (readonly [number, number])[],
  maxGap: number,
): (readonly [number, number])[][] {
  const runs: (readonly [number, number])[][] = [];
  let run: (readonly [number, number])[] = [];
  for (const point of points) {
    const last = run.at(-1);
    if (!Number.isFinite(point[1]) || (last && point[0] - last[0] > maxGap)) {
      if (run.length) runs.push(run);
      run = [];
    }
    if (Number.isFinite(point[1])) run.push(point);
  }
  if (run.length) runs.push(run);
  return runs;
}
