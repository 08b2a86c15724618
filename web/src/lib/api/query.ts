type QueryValue = string | number | undefined;

/**
 * `?a=1&b=2` from the defined, non-empty parameters; '' when there are none. A list repeats its key
 * (`?type=A&type=B`), the document's default (form, exploded) for array parameters.
 */
export function query(params: Record<string, QueryValue | readonly string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const values = typeof value === 'object' ? value : [value];
    for (const item of values) if (item !== undefined && item !== '') search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
