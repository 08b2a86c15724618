import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  auditFormFromSearch,
  auditSearchFromForm,
  auditSearchFromUrl,
  isoToLocal,
  listFilter,
  listItems,
  localToIso,
  pageQuery,
  parseStreamId,
} from './filters';

const emptyForm = {
  userId: '',
  action: '',
  entityType: '',
  entityId: '',
  streamId: '',
  correlationId: '',
  from: '',
  to: '',
};

describe('admin filters', () => {
  it('accepts a trimmed <category>-<id> stream id and explains anything else', () => {
    assert.deepEqual(parseStreamId('  booking-7c1e-42 '), { ok: true, streamId: 'booking-7c1e-42' });
    assert.equal(parseStreamId('').ok, false);
    assert.equal(parseStreamId('7c1e').ok, false);
    assert.equal(parseStreamId('Booking-1').ok, false);
    assert.equal(parseStreamId('booking-with space').ok, false);
  });

  it('turns datetime-local values (local time) into UTC and back', () => {
    const local = '2030-03-04T05:06';
    const iso = localToIso(local);
    assert.equal(iso, new Date(2030, 2, 4, 5, 6).toISOString());
    assert.equal(isoToLocal(iso), local);
    assert.equal(localToIso(''), undefined);
    assert.equal(localToIso('not a time'), undefined);
    assert.equal(isoToLocal(undefined), '');
    assert.equal(isoToLocal('nonsense'), '');
  });

  it('sends only the filled-in audit fields, trimmed, with times in UTC', () => {
    const search = auditSearchFromForm({
      ...emptyForm,
      action: ' BookingReserved ',
      entityType: 'booking',
      from: '2030-03-04T05:06',
    });
    assert.deepEqual(search, {
      action: 'BookingReserved',
      entityType: 'booking',
      from: new Date(2030, 2, 4, 5, 6).toISOString(),
    });
    assert.deepEqual(auditSearchFromForm(emptyForm), {});
  });

  it('reads the search and its cursor back from the page URL and refills the form', () => {
    const url = new URLSearchParams(
      'action=BookingReserved&after=123_e1&to=2030-03-04T05:06:00.000Z&bogus=1&userId=',
    );
    const search = auditSearchFromUrl(url);
    assert.deepEqual(search, { action: 'BookingReserved', to: '2030-03-04T05:06:00.000Z', after: '123_e1' });
    const form = auditFormFromSearch(search);
    assert.equal(form.action, 'BookingReserved');
    assert.equal(form.userId, '');
    assert.equal(form.to, isoToLocal('2030-03-04T05:06:00.000Z'));
  });

  it('makes comma lists of the feed filters and page URLs of the non-empty values', () => {
    assert.equal(listFilter(' booking,  payment booking '), 'booking,payment');
    assert.equal(listFilter(' , '), undefined);
    assert.deepEqual(listItems('booking,payment'), ['booking', 'payment']);
    assert.equal(listItems(''), undefined);
    assert.equal(pageQuery({ category: 'booking', type: undefined, after: '' }), '?category=booking');
    assert.equal(pageQuery({}), '');
  });
});
