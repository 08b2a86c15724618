import { linearScale, niceTicks } from './scale';

/** Room around the plot for the axis labels, in SVG units (= CSS pixels: the viewBox follows the width). */
export const margin = { top: 12, right: 28, bottom: 28, left: 48 } as const;

/** The value axis of a chart `height` high whose values reach `max`: round ticks and the value→y map. */
export function valueAxis(max: number, height: number, integer: boolean) {
  const ticks = niceTicks(0, Math.max(0, max), 4, integer);
  const top = ticks[ticks.length - 1] ?? 1;
  return { ticks, y: linearScale([0, top], [height - margin.bottom, margin.top]) };
}

/** How many axis labels fit in `plotWidth` pixels, about 72 px each ("10:26 PM" at 12 px, and a gap). */
export const labelsThatFit = (plotWidth: number): number => Math.max(2, Math.floor(plotWidth / 72));
