import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrganizerEvent } from '../api/organizer';
import { emptyEventForm, eventChanges, eventFormOf, readEventForm, type EventForm } from './event-form';

process.env.TZ = 'Asia/Bangkok';
const now = Date.parse('2030-01-01T00:00:00Z');

const filled = (overrides: Partial<EventForm> = {}): EventForm => ({
  ...emptyEventForm(),
  name: ' Jazz Night ',
  description: 'Live jazz.',
  venue: 'Chiang Mai Hall',
  startsAt: '2030-06-01T19:00',
  saleStartsAt: '2030-05-01T10:00',
  ...overrides,
});

const existing: OrganizerEvent = {
  id: 'e1',
  slug: 'jazz-night',
  status: 'draft',
  organizerId: 'o1',
  name: 'Jazz Night',
  description: 'Live jazz.',
  venue: 'Chiang Mai Hall',
  category: 'concert',
  startsAt: '2030-06-01T12:00:00.000Z',
  saleStartsAt: '2030-05-01T03:00:00.000Z',
  saleEndsAt: '2030-06-01T12:00:00.000Z',
  maxTicketsPerUser: 4,
  createdAt: '2029-12-01T00:00:00.000Z',
  updatedAt: '2029-12-01T00:00:00.000Z',
  publishedAt: null,
  cancelledAt: null,
  waitingRoom: null,
};

describe('the event form', () => {
  it('makes the create body in UTC with trimmed text, the default ticket limit and no empty optionals', () => {
    const result = readEventForm(filled(), { now });
    assert.deepEqual(result, {
      ok: true,
      body: {
        name: 'Jazz Night',
        description: 'Live jazz.',
        venue: 'Chiang Mai Hall',
        startsAt: '2030-06-01T12:00:00.000Z',
        saleStartsAt: '2030-05-01T03:00:00.000Z',
        maxTicketsPerUser: 4,
      },
    });
  });

  it('names every missing required field', () => {
    const result = readEventForm(emptyEventForm(), { now });
    assert.equal(result.ok, false);
    assert.deepEqual(Object.keys(!result.ok ? result.errors : {}).sort(), [
      'name',
      'saleStartsAt',
      'startsAt',
      'venue',
    ]);
  });

  it('applies the API limits: lengths and 1 to 10 tickets per buyer', () => {
    const result = readEventForm(
      filled({ name: 'x'.repeat(201), category: 'c'.repeat(51), maxTicketsPerUser: 11 }),
      { now },
    );
    assert.ok(!result.ok);
    assert.match(result.errors.name ?? '', /200 characters/);
    assert.match(result.errors.category ?? '', /50 characters/);
    assert.match(result.errors.maxTicketsPerUser ?? '', /1 to 10/);
    assert.ok(!readEventForm(filled({ maxTicketsPerUser: '2.5' }), { now }).ok);
  });

  it('keeps the sale window in order: opens before it ends, ends by the start, starts in the future', () => {
    const late = readEventForm(filled({ saleEndsAt: '2030-06-02T10:00' }), { now });
    assert.ok(!late.ok && /by the time the event starts/.test(late.errors.saleEndsAt ?? ''));
    const inverted = readEventForm(
      filled({ saleStartsAt: '2030-05-20T10:00', saleEndsAt: '2030-05-10T10:00' }),
      {
        now,
      },
    );
    assert.ok(!inverted.ok && /before it ends/.test(inverted.errors.saleStartsAt ?? ''));
    const afterStart = readEventForm(filled({ saleStartsAt: '2030-06-01T19:00' }), { now });
    assert.ok(!afterStart.ok && /before the event starts/.test(afterStart.errors.saleStartsAt ?? ''));
    const past = readEventForm(filled({ startsAt: '2029-06-01T19:00' }), { now });
    assert.ok(!past.ok && /future/.test(past.errors.startsAt ?? ''));
  });

  it('does not start the event after its first show', () => {
    const result = readEventForm(filled(), { now, firstShowStartsAt: '2030-06-01T11:00:00Z' });
    assert.ok(!result.ok && /first show/.test(result.errors.startsAt ?? ''));
  });

  it('lets an unchanged past start stay when editing other fields', () => {
    const started = {
      ...existing,
      startsAt: '2029-06-01T12:00:00.000Z',
      saleStartsAt: '2029-05-01T03:00:00.000Z',
      saleEndsAt: '2029-06-01T12:00:00.000Z',
    };
    const form = { ...eventFormOf(started), name: 'Renamed' };
    assert.ok(readEventForm(form, { now, original: started }).ok);
  });
});

describe('the changes sent when editing an event', () => {
  const changesOf = (edit: Partial<EventForm>) => {
    const result = readEventForm({ ...eventFormOf(existing), ...edit }, { now, original: existing });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    return eventChanges(result.body, existing);
  };

  it('shows a sale that ends at the start as an empty sale end, and sends nothing when nothing changed', () => {
    assert.equal(eventFormOf(existing).saleEndsAt, '');
    assert.deepEqual(changesOf({}), {});
  });

  it('sends only the changed fields, and null for a cleared category', () => {
    assert.deepEqual(changesOf({ venue: 'Bangkok Arena', category: '' }), {
      venue: 'Bangkok Arena',
      category: null,
    });
  });

  it('keeps selling until the new start when the start moves and the sale end is empty', () => {
    assert.deepEqual(changesOf({ startsAt: '2030-06-02T19:00' }), {
      startsAt: '2030-06-02T12:00:00.000Z',
      saleEndsAt: '2030-06-02T12:00:00.000Z',
    });
  });

  it('sends an explicit sale end, and the start again when the sale end is cleared', () => {
    assert.deepEqual(changesOf({ saleEndsAt: '2030-05-31T19:00' }), {
      saleEndsAt: '2030-05-31T12:00:00.000Z',
    });
    const ending = { ...existing, saleEndsAt: '2030-05-31T12:00:00.000Z' };
    const result = readEventForm({ ...eventFormOf(ending), saleEndsAt: '' }, { now, original: ending });
    assert.ok(result.ok);
    assert.deepEqual(eventChanges(result.body, ending), { saleEndsAt: existing.startsAt });
  });
});
