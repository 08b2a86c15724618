import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Argon2PasswordHasher } from './index';

const hasher = new Argon2PasswordHasher();

it('hashes with argon2id (19 MiB, 2 passes) and a fresh salt each time', async () => {
  const first = await hasher.hash('correct horse');
  const second = await hasher.hash('correct horse');
  assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.notEqual(first, second);
  assert.ok(!first.includes('correct horse'));
});

it('verifies the right password and answers false for a wrong one', async () => {
  const hash = await hasher.hash('correct horse');
  assert.equal(await hasher.verify(hash, 'correct horse'), true);
  assert.equal(await hasher.verify(hash, 'Correct horse'), false);
});
