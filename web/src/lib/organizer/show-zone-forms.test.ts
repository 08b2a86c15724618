import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ManagedZone } from '../api/organizer';
import { readShowForm, showChanges, showFormOf } from './show-form';
import { emptyZoneForm, readZoneEdit, readZoneForm, seatsTaken, zoneEditFormOf } from './zone-form';

process.env.TZ = 'Asia/Bangkok';
const now = Date.parse('2030-01-01T00:00:00Z');
const eventStartsAt = '2030-06-01T12:00:00.000Z';

describe('the show form', () => {
  it('makes the body in UTC and leaves out an empty name', () => {
    assert.deepEqual(readShowForm({ name: '  ', startsAt: '2030-06-01T19:00' }, { now, eventStartsAt }), {
      ok: true,
      body: { startsAt: eventStartsAt },
    });
    assert.deepEqual(
      readShowForm({ name: ' Matinee ', startsAt: '2030-06-02T14:00' }, { now, eventStartsAt }),
      {
        ok: true,
        body: { startsAt: '2030-06-02T07:00:00.000Z', name: 'Matinee' },
      },
    );
  });

  it('refuses a show before the event starts, in the past, or without a time', () => {
    const early = readShowForm({ name: '', startsAt: '2030-06-01T18:59' }, { now, eventStartsAt });
    assert.ok(!early.ok && /before the event starts/.test(early.errors.startsAt ?? ''));
    const past = readShowForm(
      { name: '', startsAt: '2029-06-01T18:00' },
      { now, eventStartsAt: '2029-01-01T00:00:00Z' },
    );
    assert.ok(!past.ok && /future/.test(past.errors.startsAt ?? ''));
    assert.ok(!readShowForm({ name: 'x'.repeat(201), startsAt: '' }, { now, eventStartsAt }).ok);
  });

  it('sends only changes, and null for a removed name', () => {
    const show = { name: 'Matinee', startsAt: '2030-06-02T07:00:00.000Z' };
    const form = showFormOf(show);
    assert.deepEqual(form, { name: 'Matinee', startsAt: '2030-06-02T14:00' });
    const unchanged = readShowForm(form, { now, eventStartsAt });
    assert.ok(unchanged.ok);
    assert.deepEqual(showChanges(unchanged.body, show), {});
    const edited = readShowForm({ name: '', startsAt: '2030-06-03T14:00' }, { now, eventStartsAt });
    assert.ok(edited.ok);
    assert.deepEqual(showChanges(edited.body, show), { name: null, startsAt: '2030-06-03T07:00:00.000Z' });
  });
});

describe('the zone forms', () => {
  const zone: ManagedZone = {
    id: 'z1',
    showId: 's1',
    eventId: 'e1',
    name: 'VIP',
    price: 150_000,
    currency: 'THB',
    capacity: 100,
    available: 70,
  };

  it('makes the body in minor units with an upper-case currency, THB by default', () => {
    assert.equal(emptyZoneForm().currency, 'THB');
    assert.deepEqual(readZoneForm({ name: ' VIP ', price: '1,500.00', currency: 'thb', capacity: '100' }), {
      ok: true,
      body: { name: 'VIP', price: 150_000, currency: 'THB', capacity: 100 },
    });
  });

  it('names each invalid field', () => {
    const result = readZoneForm({ name: '', price: '12.345', currency: 'baht', capacity: 0 });
    assert.ok(!result.ok);
    assert.deepEqual(Object.keys(result.errors).sort(), ['capacity', 'currency', 'name', 'price']);
  });

  it('counts sold and held seats as capacity less available', () => {
    assert.equal(seatsTaken(zone), 30);
  });

  it('edits only what changed', () => {
    assert.deepEqual(readZoneEdit(zoneEditFormOf(zone), zone, { published: true }), { ok: true, body: {} });
    assert.deepEqual(readZoneEdit({ price: '1,750', capacity: 120 }, zone, { published: true }), {
      ok: true,
      body: { price: 175_000, capacity: 120 },
    });
  });

  it('keeps a published zone at or above the seats already taken', () => {
    const below = readZoneEdit({ price: '1500', capacity: 29 }, zone, { published: true });
    assert.ok(!below.ok && /30 seats are already sold or held/.test(below.errors.capacity ?? ''));
    assert.ok(readZoneEdit({ price: '1500', capacity: 30 }, zone, { published: true }).ok);
    assert.ok(readZoneEdit({ price: '1500', capacity: 5 }, zone, { published: false }).ok);
  });
});
