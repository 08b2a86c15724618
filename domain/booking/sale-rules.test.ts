import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../shared';
import { checkReservable, type SaleTerms } from './sale-rules';

const terms: SaleTerms = {
  eventStatus: 'published',
  saleStartsAt: '2030-03-01T10:00:00.000Z',
  saleEndsAt: '2030-03-10T10:00:00.000Z',
  showStartsAt: '2030-03-05T20:00:00.000Z',
  maxTicketsPerUser: 4,
};
const refusal = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('sale rules', () => {
  it('lets a published event be reserved from the first instant of its sale window', () => {
    checkReservable(terms, 4, new Date(terms.saleStartsAt));
  });

  it('refuses before the sale opens, at its end, and once the show has begun', () => {
    assert.throws(
      () => checkReservable(terms, 1, new Date('2030-03-01T09:59:59.999Z')),
      refusal('SALE_NOT_OPEN'),
    );
    const endsBeforeShow = { ...terms, saleEndsAt: '2030-03-03T00:00:00.000Z' };
    assert.throws(
      () => checkReservable(endsBeforeShow, 1, new Date(endsBeforeShow.saleEndsAt)),
      refusal('SALE_NOT_OPEN'),
    );
    assert.throws(() => checkReservable(terms, 1, new Date(terms.showStartsAt)), refusal('SALE_NOT_OPEN'));
  });

  it('refuses a draft or cancelled event', () => {
    const now = new Date('2030-03-02T00:00:00.000Z');
    assert.throws(
      () => checkReservable({ ...terms, eventStatus: 'draft' }, 1, now),
      refusal('SALE_NOT_OPEN'),
    );
    assert.throws(
      () => checkReservable({ ...terms, eventStatus: 'cancelled' }, 1, now),
      refusal('SALE_NOT_OPEN'),
    );
  });

  it('rejects a fifth ticket in one request when the limit is four', () => {
    const now = new Date('2030-03-02T00:00:00.000Z');
    assert.throws(() => checkReservable(terms, 5, now), refusal('TICKET_LIMIT_EXCEEDED'));
  });
});
