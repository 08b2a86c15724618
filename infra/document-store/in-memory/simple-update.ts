import type { Doc } from '../../ports/document-store';

type Modifier = { readonly $set?: Record<string, unknown>; readonly $inc?: Record<string, number> };

const isTopLevelField = (field: string) => !field.includes('.') && !field.startsWith('$') && field !== '';

/**
 * Applies `$set` and `$inc` on top-level fields in place (the values are the caller's own copies);
 * false, leaving the document untouched, when the modifier needs mingo: a path, `_id`, an undefined
 * value, an `$inc` of a field that holds something other than a number. Building mingo's update
 * context costs more than the rest of a projection's write.
 */
export function applySimpleUpdate(doc: Doc, modifier: Modifier): boolean {
  const set = Object.entries(modifier.$set ?? {});
  const inc = Object.entries(modifier.$inc ?? {});
  for (const [field, value] of set) {
    if (!isTopLevelField(field) || field === '_id' || value === undefined) return false;
  }
  for (const [field, by] of inc) {
    if (!isTopLevelField(field) || field === '_id' || typeof by !== 'number') return false;
    const current = doc[field];
    if (current !== undefined && typeof current !== 'number') return false;
    if (modifier.$set && field in modifier.$set) return false;
  }
  for (const [field, value] of set) doc[field] = value;
  for (const [field, by] of inc) doc[field] = ((doc[field] as number | undefined) ?? 0) + by;
  return true;
}
