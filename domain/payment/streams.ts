/** One stream per payment attempt: `payment-<paymentId>`. */
export const paymentCategory = 'payment';
export const paymentStreamId = (paymentId: string): string => `${paymentCategory}-${paymentId}`;
