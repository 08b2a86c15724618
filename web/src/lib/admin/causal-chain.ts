import type { AuditEntry } from '../api/admin';

/** One link of a causal chain: the entry and how many causes lie above it. */
export type ChainLink = { readonly entry: AuditEntry; readonly depth: number };

const byPosition = (a: AuditEntry, b: AuditEntry) => a.position - b.position;

/**
 * The events of one correlation id ordered by causation: each event right after the event that caused it
 * (depth + 1), siblings and unrelated roots in log order. An event whose cause is not among the entries
 * (the request itself, or an entry not yet in the audit log) is a root; a cycle never loops.
 */
export function causalChain(entries: readonly AuditEntry[]): ChainLink[] {
  const byId = new Map(entries.map((entry) => [entry.eventId, entry]));
  const children = new Map<string, AuditEntry[]>();
  const roots: AuditEntry[] = [];
  for (const entry of entries) {
    const cause = entry.causationId;
    if (cause && cause !== entry.eventId && byId.has(cause)) {
      children.set(cause, [...(children.get(cause) ?? []), entry]);
    } else roots.push(entry);
  }
  const chain: ChainLink[] = [];
  const placed = new Set<string>();
  const visit = (entry: AuditEntry, depth: number) => {
    if (placed.has(entry.eventId)) return;
    placed.add(entry.eventId);
    chain.push({ entry, depth });
    for (const child of (children.get(entry.eventId) ?? []).sort(byPosition)) visit(child, depth + 1);
  };
  for (const root of roots.sort(byPosition)) visit(root, 0);
  // Entries only reachable through a cycle have no root: list them at the top level, in log order.
  for (const entry of [...entries].sort(byPosition)) visit(entry, 0);
  return chain;
}
