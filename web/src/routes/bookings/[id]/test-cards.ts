/** The mock gateway's test cards (`infra/ports/payment-gateway/cards.ts`), shown beside the payment form. */
export const testCards = [
  { number: '4242424242424242', outcome: 'succeeds' },
  { number: '4000000000000002', outcome: 'is declined' },
  { number: '4000000000000119', outcome: 'gets a gateway error' },
] as const;
