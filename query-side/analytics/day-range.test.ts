import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AppError } from '../../domain/shared';
import { dayRange } from './day-range';

const today = '2030-03-10';
const failsWith = (query: { from?: string; to?: string }, field: string) =>
  assert.throws(
    () => dayRange(query, today),
    (error: AppError) =>
      error.code === 'VALIDATION_ERROR' && (error.details as { field: string }[])[0]?.field === field,
  );

describe('daily report range', () => {
  test('covers the last 30 days up to today by default', () => {
    assert.deepEqual(dayRange({}, today), { from: '2030-02-09', to: today });
  });

  test('takes 30 days up to a given end, and runs from a given start up to today', () => {
    assert.deepEqual(dayRange({ to: '2030-01-31' }, today), { from: '2030-01-02', to: '2030-01-31' });
    assert.deepEqual(dayRange({ from: '2030-03-01' }, today), { from: '2030-03-01', to: today });
    assert.deepEqual(dayRange({ from: '2030-04-01' }, today), { from: '2030-04-01', to: '2030-04-01' });
  });

  test('accepts 366 days and refuses 367', () => {
    assert.deepEqual(dayRange({ from: '2028-01-01', to: '2028-12-31' }, today), {
      from: '2028-01-01',
      to: '2028-12-31',
    });
    failsWith({ from: '2029-01-01', to: '2030-01-02' }, 'to');
  });

  test('refuses a start after the end and days that do not exist', () => {
    failsWith({ from: '2030-03-05', to: '2030-03-04' }, 'from');
    failsWith({ from: '2030-02-30' }, 'from');
    failsWith({ to: '2030-02-29' }, 'to');
  });
});
