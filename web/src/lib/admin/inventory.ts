/** The event whose inventory to check: a typed id wins over the list's choice; none says what to do. */
export function inventoryTarget(
  typedId: string,
  choice: string,
): { ok: true; eventId: string } | { ok: false; message: string } {
  const eventId = typedId.trim() || choice.trim();
  if (!eventId) return { ok: false, message: 'Choose an event from the list or type its id, then check.' };
  return { ok: true, eventId };
}
