import { describe, it } from 'node:test';
import type { CreateEvent } from './commands';
import { admin, customer, eventCreated, eventId, given, now, owner } from './testing';

const create = (details: Partial<CreateEvent['details']> = {}, actor = owner): CreateEvent => ({
  type: 'CreateEvent',
  actor,
  now,
  eventId,
  slug: 'rock-night',
  tenantId: null,
  details: {
    name: 'Rock Night',
    description: 'Loud',
    venue: 'Arena',
    category: 'concert',
    startsAt: '2030-06-01T19:00:00.000Z',
    saleStartsAt: '2030-03-01T10:00:00.000Z',
    saleEndsAt: '2030-06-01T18:00:00.000Z',
    ...details,
  },
});

describe('creating an event', () => {
  it('creates a draft owned by the organizer, with four tickets per user by default', () => {
    given()
      .when(create())
      .then([{ ...eventCreated, data: { ...eventCreated.data, occurredAt: now } }]);
  });

  it('ends the sale when the event starts when no sale end is given', () => {
    const { saleEndsAt: _omitted, ...details } = create().details;
    given()
      .when({ ...create(), details })
      .then([
        {
          ...eventCreated,
          data: { ...eventCreated.data, saleEndsAt: '2030-06-01T19:00:00.000Z', occurredAt: now },
        },
      ]);
  });

  it('lets an admin create an event, owned by the admin', () => {
    given()
      .when(create({ maxTicketsPerUser: 10 }, admin))
      .then([
        {
          ...eventCreated,
          data: { ...eventCreated.data, organizerId: admin.userId, maxTicketsPerUser: 10, occurredAt: now },
        },
      ]);
  });

  it('refuses text with a lone surrogate, naming the field', () => {
    const reason = (field: string) => `${field} must be well-formed Unicode text (it holds a lone surrogate)`;
    for (const field of ['name', 'description', 'venue', 'category'] as const)
      given()
        .when(create({ [field]: 'Rock \ud800' }))
        .thenFails('VALIDATION_ERROR', [{ field, reasons: [reason(field)] }]);
  });

  it('refuses a customer', () => {
    given().when(create({}, customer)).thenFails('FORBIDDEN');
  });

  it('refuses a sale that starts when or after it ends', () => {
    given()
      .when(create({ saleStartsAt: '2030-06-01T18:00:00.000Z' }))
      .thenFails('VALIDATION_ERROR', [{ field: 'saleStartsAt', reasons: ['must be before saleEndsAt'] }]);
  });

  it('refuses a sale that ends after the event starts', () => {
    given()
      .when(create({ saleEndsAt: '2030-06-01T19:00:00.001Z' }))
      .thenFails('VALIDATION_ERROR', [{ field: 'saleEndsAt', reasons: ['must not be after startsAt'] }]);
  });

  it('refuses an event that starts in the past', () => {
    given()
      .when(
        create({
          startsAt: '2029-12-31T00:00:00.000Z',
          saleStartsAt: '2029-11-01T00:00:00.000Z',
          saleEndsAt: '2029-12-30T00:00:00.000Z',
        }),
      )
      .thenFails('VALIDATION_ERROR', [{ field: 'startsAt', reasons: ['must be in the future'] }]);
  });

  for (const limit of [0, 11, 2.5]) {
    it(`refuses ${limit} tickets per user (1 to 10 allowed)`, () => {
      given()
        .when(create({ maxTicketsPerUser: limit }))
        .thenFails('VALIDATION_ERROR', [
          { field: 'maxTicketsPerUser', reasons: ['must be an integer from 1 to 10'] },
        ]);
    });
  }

  it('refuses a blank name', () => {
    given()
      .when(create({ name: '   ' }))
      .thenFails('VALIDATION_ERROR');
  });

  it('refuses to create an event twice', () => {
    given(eventCreated).when(create()).thenFails('INVALID_STATE');
  });
});
