import { defaultLocale, type UserLocale } from '../../../domain/identity';

/**
 * The locale an `Accept-Language` header prefers: `th` when Thai ranks highest among the languages we
 * write (by q-value, then order), else `en`.
 */
export function preferredLocale(header: string | undefined): UserLocale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => (entry.language === 'th' || entry.language === 'en') && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.language === 'th' ? 'th' : defaultLocale;
}
