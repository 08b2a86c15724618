import { describe, it } from 'node:test';
import { deciderSpec } from './decider-spec';
import { credentialsDecider, type CredentialsCreated } from './index';

const now = new Date('2026-03-01T10:00:00.000Z');
const given = deciderSpec(credentialsDecider);
const create = {
  type: 'CreateCredentials',
  credentialsId: 'c1',
  userId: 'u1',
  passwordHash: '$argon2id$x',
  now,
} as const;
const created: CredentialsCreated = {
  type: 'CredentialsCreated',
  data: { credentialsId: 'c1', userId: 'u1', passwordHash: '$argon2id$x', createdAt: now.toISOString() },
};

describe('the credentials decider', () => {
  it('stores the password hash for a user', () => {
    given([]).when(create).then([created]);
  });

  it('never overwrites existing credentials', () => {
    given([created])
      .when({ ...create, passwordHash: '$argon2id$other' })
      .thenRejects('INVALID_STATE');
  });
});
