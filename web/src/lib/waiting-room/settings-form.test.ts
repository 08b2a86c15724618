import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WaitingRoomSettings } from '../api/waiting-room';
import { toLocalInput } from '../organizer/datetime';
import { readRoomForm, roomFormOf } from './settings-form';

const room: WaitingRoomSettings = {
  enabled: true,
  preQueueOpensAt: '2030-06-01T09:00:00.000Z',
  admissionPerMinute: 120,
  maxInside: 50,
  passLifetimeSeconds: 300,
  paused: false,
};

describe('the waiting-room settings form', () => {
  it('starts a room never configured switched off, with the defaults an hour before the sale', () => {
    const form = roomFormOf(null, '2030-06-01T10:00:00.000Z');
    assert.deepEqual(form, {
      enabled: false,
      preQueueOpensAt: toLocalInput('2030-06-01T09:00:00.000Z'),
      admissionPerMinute: '600',
      maxInside: '1000',
      passLifetimeSeconds: '300',
    });
  });

  it('sends every field the first time', () => {
    const form = { ...roomFormOf(null, '2030-06-01T10:00:00.000Z'), enabled: true };
    assert.deepEqual(readRoomForm(form, null), {
      ok: true,
      body: {
        enabled: true,
        preQueueOpensAt: '2030-06-01T09:00:00.000Z',
        admissionPerMinute: 600,
        maxInside: 1000,
        passLifetimeSeconds: 300,
      },
    });
  });

  it('sends only what changed afterwards', () => {
    const form = { ...roomFormOf(room, '2030-06-01T10:00:00.000Z'), maxInside: ' 80 ', enabled: false };
    assert.deepEqual(readRoomForm(form, room), { ok: true, body: { enabled: false, maxInside: 80 } });
  });

  it('refuses what is not a whole number or a date, and leaves ranges to the API', () => {
    const form = {
      ...roomFormOf(room, '2030-06-01T10:00:00.000Z'),
      admissionPerMinute: '1.5',
      passLifetimeSeconds: '',
      preQueueOpensAt: '2030-02-30T10:00',
    };
    const result = readRoomForm(form, room);
    assert.equal(result.ok, false);
    assert.deepEqual(Object.keys(!result.ok ? result.errors : {}).sort(), [
      'admissionPerMinute',
      'passLifetimeSeconds',
      'preQueueOpensAt',
    ]);
    const huge = readRoomForm({ ...roomFormOf(room, ''), maxInside: '999999999' }, room);
    assert.deepEqual(huge, { ok: true, body: { maxInside: 999999999 } });
  });
});
