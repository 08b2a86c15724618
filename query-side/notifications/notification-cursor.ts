/** Where a page of the newest-first list ended: the last document's creation time and id. */
export type NotificationCursor = { readonly createdAt: string; readonly id: string };

export const encodeNotificationCursor = (cursor: NotificationCursor): string =>
  Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');

/** The shape of a cursor (base64url); only decoding tells a forged one. */
export const notificationCursorPattern = /^[A-Za-z0-9_-]{1,400}$/;

/** The cursor `encodeNotificationCursor` made, or undefined for anything else (a forged value is a 400). */
export function decodeNotificationCursor(value: string): NotificationCursor | undefined {
  if (!notificationCursorPattern.test(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [createdAt, id] = parsed as unknown[];
    if (typeof createdAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(createdAt)))
      return undefined;
    return { createdAt, id };
  } catch {
    return undefined;
  }
}
