/** The documented test cards (API.md, `POST /bookings/:id/pay`); any other Luhn-valid number succeeds. */
export const testCards = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  /** The gateway answers with an error, every time. */
  gatewayError: '4000000000000119',
  /** The gateway never answers: the call times out. */
  neverAnswers: '4000000000000259',
} as const;

/** 12–19 digits passing the Luhn checksum. */
export function isValidCardNumber(cardNumber: string): boolean {
  if (!/^\d{12,19}$/.test(cardNumber)) return false;
  let sum = 0;
  for (let i = 0; i < cardNumber.length; i++) {
    let digit = Number(cardNumber[cardNumber.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The card scheme by its number's prefix, as far as the common ones go. */
export function cardBrand(cardNumber: string): string {
  if (cardNumber.startsWith('4')) return 'visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(cardNumber)) return 'mastercard';
  if (/^3[47]/.test(cardNumber)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(cardNumber)) return 'discover';
  if (/^35(2[89]|[3-8]\d)/.test(cardNumber)) return 'jcb';
  return 'unknown';
}
