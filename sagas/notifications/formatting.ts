import type { MailLocale, Money } from './notification-types';

/** Shown in every e-mail: show times are local to the venues, which are in Thailand. */
export const mailTimeZone = 'Asia/Bangkok';

const numberLocale: Record<MailLocale, string> = { en: 'en-US', th: 'th-TH' };

/** Intl formatters are slow to build and cheap to use: one per locale and options, kept. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** Minor units to the currency's major unit, e.g. 150000 THB → `฿1,500.00` (th) or `THB 1,500.00` (en). */
export function formatMoney(money: Money, locale: MailLocale): string {
  const format = numberFormat(numberLocale[locale], {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: locale === 'th' ? 'symbol' : 'code',
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // Intl puts a no-break space between code and number; a plain one reads the same and survives any mailer.
  return format.format(money.amount / 10 ** digits).replace(/\u00a0/g, ' ');
}

/**
 * A moment in Bangkok time: Thai in the Buddhist era as Thai readers expect (`24 พฤศจิกายน 2569 เวลา
 * 20:00 น.`); English with the zone named, since the reader may be elsewhere.
 */
export function formatDateTime(iso: string, locale: MailLocale): string {
  const date = new Date(iso);
  if (locale === 'th') {
    const day = dateTimeFormat('th-TH', { timeZone: mailTimeZone, dateStyle: 'long' }).format(date);
    const time = dateTimeFormat('th-TH', {
      timeZone: mailTimeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(date);
    return `${day} เวลา ${time} น.`;
  }
  const day = dateTimeFormat('en-GB', {
    timeZone: mailTimeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  const time = dateTimeFormat('en-GB', {
    timeZone: mailTimeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${day}, ${time} (Bangkok time, UTC+7)`;
}
