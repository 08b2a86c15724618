// The names a PromQL expression uses: the series it selects (with the labels its matchers name) and the
// labels it groups or matches on. A tokenizer, not a parser: `promtool check rules` decides whether an
// expression is valid; this only reads names out of one that is.

export interface SeriesSelector {
  /** The metric name, or undefined for a selector without one (`{job="x"}`). */
  readonly metric: string | undefined;
  /** Label names of its matchers. */
  readonly labels: readonly string[];
}

export interface QueryNames {
  readonly selectors: readonly SeriesSelector[];
  /** Labels of `by`, `without`, `on`, `ignoring`, `group_left` and `group_right` lists. */
  readonly groupingLabels: readonly string[];
  /** Functions and aggregation operators called. */
  readonly functions: readonly string[];
}

type Token = { readonly kind: 'name' | 'string' | 'number' | 'range' | 'symbol'; readonly text: string };

const labelListKeywords = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const keywords = new Set([...labelListKeywords, 'and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);
// Aggregation operators take their `by (…)` or `without (…)` before or after their parentheses.
const aggregations = new Set([
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
  'limitk',
  'limit_ratio',
]);

const patterns: readonly [Token['kind'] | 'skip', RegExp][] = [
  ['skip', /^(?:\s+|#[^\n]*)/],
  ['string', /^(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)/],
  // Numbers and durations (5m, 1h30m, 1e-3, 0x1f).
  [
    'number',
    /^(?:0[xX][0-9a-fA-F]+|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:(?:ms|[smhdwy])(?:\d+(?:ms|[smhdwy]))*)?)/,
  ],
  ['name', /^[a-zA-Z_:][a-zA-Z0-9_:]*/],
  // A range or subquery: `[5m]`, `[30m:1m]`; nothing in it is a name.
  ['range', /^\[[^\]]*\]/],
  ['symbol', /^(?:==|!=|<=|>=|=~|!~|[-+*/%^=<>(){},@])/],
];

export function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let rest = expr;
  while (rest.length > 0) {
    const match = patterns.map(([kind, re]) => [kind, re.exec(rest)?.[0]] as const).find(([, text]) => text);
    if (!match) throw new Error(`cannot read the PromQL at "${rest.slice(0, 20)}" in: ${expr}`);
    const [kind, text = ''] = match;
    if (kind !== 'skip') tokens.push({ kind, text });
    rest = rest.slice(text.length);
  }
  return tokens;
}

export function namesInQuery(expr: string): QueryNames {
  const tokens = tokenize(expr);
  const selectors: SeriesSelector[] = [];
  const groupingLabels: string[] = [];
  const functions: string[] = [];
  let i = 0;
  const at = (index: number) => tokens[index]?.text;

  // From the `{` at i: the matchers' label names, and the metric of a `__name__="…"` matcher.
  const readMatchers = (): { labels: string[]; name: string | undefined } => {
    const labels: string[] = [];
    let name: string | undefined;
    i += 1;
    while (i < tokens.length && at(i) !== '}') {
      const label = tokens[i];
      const op = at(i + 1);
      const value = tokens[i + 2];
      if (label?.kind !== 'name' || !op || !['=', '!=', '=~', '!~'].includes(op) || value?.kind !== 'string')
        throw new Error(`unexpected label matcher near "${label?.text ?? ''}" in: ${expr}`);
      if (label.text === '__name__' && op === '=') name = value.text.slice(1, -1);
      else labels.push(label.text);
      i += 3;
      if (at(i) === ',') i += 1;
    }
    i += 1;
    return { labels, name };
  };

  while (i < tokens.length) {
    const token = tokens[i] as Token;
    const lower = token.text.toLowerCase();
    if (token.kind === 'name' && labelListKeywords.has(lower) && at(i + 1) === '(') {
      i += 2;
      while (i < tokens.length && at(i) !== ')') {
        if (tokens[i]?.kind === 'name') groupingLabels.push(tokens[i]?.text as string);
        i += 1;
      }
      i += 1;
    } else if (token.kind === 'name' && keywords.has(lower)) {
      i += 1;
    } else if (token.kind === 'name' && at(i + 1) === '(') {
      functions.push(token.text);
      i += 2;
    } else if (
      token.kind === 'name' &&
      aggregations.has(lower) &&
      ['by', 'without'].includes((at(i + 1) ?? '').toLowerCase())
    ) {
      functions.push(token.text);
      i += 1;
    } else if (token.kind === 'name') {
      i += 1;
      const { labels } = at(i) === '{' ? readMatchers() : { labels: [] };
      selectors.push({ metric: token.text, labels });
    } else if (token.text === '{') {
      const { labels, name } = readMatchers();
      selectors.push({ metric: name, labels });
    } else {
      i += 1;
    }
  }
  return { selectors, groupingLabels, functions };
}
