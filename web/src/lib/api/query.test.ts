import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { query } from './query';

describe('query', () => {
  it('leaves out undefined and empty parameters', () => {
    assert.equal(
      query({ search: 'rock', category: '', page: 2, pageSize: undefined }),
      '?search=rock&page=2',
    );
    assert.equal(query({}), '');
  });

  it('repeats the key of a list parameter once per item', () => {
    assert.equal(
      query({ category: ['booking', 'payment'], limit: 50 }),
      '?category=booking&category=payment&limit=50',
    );
  });
});
