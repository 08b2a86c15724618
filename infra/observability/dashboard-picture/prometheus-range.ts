// Range queries against Prometheus's HTTP API (/api/v1/query_range).

export interface RangeWindow {
  /** Unix seconds. */
  readonly start: number;
  readonly end: number;
  readonly stepSeconds: number;
}

export interface Series {
  readonly labels: Readonly<Record<string, string>>;
  /** [unix seconds, value]; NaN and infinities kept as such (the chart leaves them out). */
  readonly points: readonly (readonly [number, number])[];
}

type QueryRangeAnswer = {
  status: 'success' | 'error';
  error?: string;
  data?: { resultType: string; result: { metric: Record<string, string>; values: [number, string][] }[] };
};

export async function queryRange(
  prometheusUrl: string,
  expr: string,
  window: RangeWindow,
): Promise<Series[]> {
  const url = new URL(
    'api/v1/query_range',
    prometheusUrl.endsWith('/') ? prometheusUrl : `${prometheusUrl}/`,
  );
  const body = new URLSearchParams({
    query: expr,
    start: String(window.start),
    end: String(window.end),
    step: String(window.stepSeconds),
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const answer = (await response.json().catch(() => undefined)) as QueryRangeAnswer | undefined;
  if (!response.ok || answer?.status !== 'success' || answer.data?.resultType !== 'matrix')
    throw new Error(
      `Prometheus at ${url.origin} answered ${response.status} to ${expr}: ${answer?.error ?? 'no matrix'}`,
    );
  return answer.data.result.map((series) => ({
    labels: series.metric,
    points: series.values.map(([time, value]) => [time, Number(value)] as const),
  }));
}

/** Grafana's legend format: `{{label}}` replaced by the series' value of that label. */
export function legendOf(series: Series, legendFormat: string | undefined): string {
  if (legendFormat && legendFormat !== '__auto')
    return legendFormat.replace(
      /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g,
      (_, name: string) => series.labels[name] ?? '',
    );
  const { __name__: name = '', ...labels } = series.labels;
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  return pairs.length ? `${name}{${pairs.join(', ')}}` : name || 'value';
}
