import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ManagedEvent, ManagedZone } from '../api/organizer';
import { publishBlockers } from './event-status';
import { sameContent, withKnownAvailability, withShow, withZone } from './event-state';

const zone = (overrides: Partial<ManagedZone> = {}): ManagedZone => ({
  id: 'z1',
  showId: 's1',
  eventId: 'e1',
  name: 'VIP',
  price: 150_000,
  currency: 'THB',
  capacity: 100,
  ...overrides,
});

const event = (shows: ManagedEvent['shows'], overrides: Partial<ManagedEvent> = {}): ManagedEvent => ({
  id: 'e1',
  slug: 'jazz',
  status: 'draft',
  organizerId: 'o1',
  name: 'Jazz',
  description: '',
  venue: 'Hall',
  category: null,
  startsAt: '2030-06-01T12:00:00.000Z',
  saleStartsAt: '2030-05-01T12:00:00.000Z',
  saleEndsAt: '2030-06-01T12:00:00.000Z',
  maxTicketsPerUser: 4,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  publishedAt: null,
  cancelledAt: null,
  waitingRoom: null,
  shows,
  ...overrides,
});
const show = (id: string, startsAt: string, zones: ManagedZone[] = []) => ({
  id,
  eventId: 'e1',
  name: null,
  startsAt,
  zones,
});

describe('publishing needs a show with a zone', () => {
  it('explains what is missing, and nothing once a show has a zone', () => {
    assert.match(publishBlockers(event([])).join(), /Add a show/);
    assert.match(publishBlockers(event([show('s1', '2030-06-01T12:00:00Z')])).join(), /at least one zone/);
    assert.deepEqual(publishBlockers(event([show('s1', '2030-06-01T12:00:00Z', [zone()])])), []);
    assert.match(publishBlockers(event([], { status: 'published' })).join(), /Only a draft/);
  });
});

describe('the manage page state between a command and the next read', () => {
  it('keeps known availability for a command answer, and counts a new zone as all available', () => {
    const before = event([show('s1', '2030-06-01T12:00:00Z', [zone({ available: 60 })])]);
    const answer = event([show('s1', '2030-06-01T12:00:00Z', [zone(), zone({ id: 'z2', capacity: 50 })])], {
      status: 'published',
    });
    const merged = withKnownAvailability(answer, before);
    assert.equal(merged.status, 'published');
    assert.deepEqual(
      merged.shows[0]?.zones.map((z) => z.available),
      [60, 50],
    );
  });

  it('moves availability with a new capacity and adds a new zone to its show', () => {
    const before = event([show('s1', '2030-06-01T12:00:00Z', [zone({ available: 60 })])]);
    const grown = withZone(before, zone({ capacity: 120 }));
    assert.equal(grown.shows[0]?.zones[0]?.available, 80);
    const added = withZone(before, zone({ id: 'z2', name: 'Floor', capacity: 10 }));
    assert.deepEqual(
      added.shows[0]?.zones.map((z) => [z.name, z.available]),
      [
        ['VIP', 60],
        ['Floor', 10],
      ],
    );
  });

  it('keeps shows in start order when one is added or moved, with its zones', () => {
    const before = event([show('s1', '2030-06-01T12:00:00Z', [zone()]), show('s2', '2030-06-02T12:00:00Z')]);
    const moved = withShow(before, {
      id: 's1',
      eventId: 'e1',
      name: 'Late',
      startsAt: '2030-06-03T12:00:00Z',
    });
    assert.deepEqual(
      moved.shows.map((s) => [s.id, s.name, s.zones.length]),
      [
        ['s2', null, 0],
        ['s1', 'Late', 1],
      ],
    );
    const added = withShow(before, { id: 's0', eventId: 'e1', name: null, startsAt: '2030-06-01T13:00:00Z' });
    assert.deepEqual(
      added.shows.map((s) => s.id),
      ['s1', 's0', 's2'],
    );
  });

  it('recognises a read that caught up, whatever its availability and timestamps', () => {
    const local = event([show('s1', '2030-06-01T12:00:00.000Z', [zone({ available: 100 })])]);
    const read = event([show('s1', '2030-06-01T12:00:00Z', [zone({ available: 97 })])], {
      updatedAt: '2030-01-02T00:00:00.000Z',
    });
    assert.ok(sameContent(local, read));
    assert.ok(!sameContent(withZone(local, zone({ price: 1 })), read));
    assert.ok(!sameContent({ ...local, status: 'published' }, read));
  });
});
