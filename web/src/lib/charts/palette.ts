/** Chart colours, each at least 4.5:1 against white so lines, bars and legend swatches stay legible. */
export const chartColors = {
  reserved: '#5b21b6',
  paid: '#067647',
  expired: '#b42318',
  revenue: '#1d4ed8',
} as const;

export type ChartSeries = {
  readonly name: string;
  readonly color: string;
  /** One value per label, in order. */
  readonly values: readonly number[];
};

/** A chart's numbers as a table: header cells, then rows of already formatted cells. */
export type ChartTable = {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
};

/** A share (0..1) drawn as a filled bar, with its text (`33.3%`). */
export type Rate = {
  readonly label: string;
  readonly ratio: number;
  readonly text: string;
  readonly color: string;
};
