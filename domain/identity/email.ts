/**
 * The form of an e-mail address that decides uniqueness and is stored: surrounding spaces removed,
 * lower-cased (`Ann@Example.COM ` and `ann@example.com` are one account).
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
