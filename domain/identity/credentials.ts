import { AppError, type Decider, type Event } from '../shared';

/**
 * The `userCredentials-<credentialsId>` stream: the password hash. A secret, kept out of the `user-`
 * stream so that the admin stream browser can hide this whole category (`secretStreamCategories`).
 *
 * Its id is new for every registration attempt, and the `UserRegistered` event names the one that won:
 * two attempts completing the same abandoned e-mail claim each write their own credentials first, and
 * only the attempt whose `user-<id>` append succeeds is ever referenced.
 */
export type CredentialsCreated = Event<
  'CredentialsCreated',
  { credentialsId: string; userId: string; passwordHash: string; createdAt: string }
>;
export type CredentialsEvent = CredentialsCreated;

export type CreateCredentials = {
  readonly type: 'CreateCredentials';
  readonly credentialsId: string;
  readonly userId: string;
  readonly passwordHash: string;
  readonly now: Date;
};
export type CredentialsCommand = CreateCredentials;

export type Credentials = {
  readonly credentialsId: string;
  readonly userId: string;
  readonly passwordHash: string;
};
export type CredentialsState = Credentials | undefined;

export const credentialsDecider: Decider<CredentialsCommand, CredentialsEvent, CredentialsState> = {
  initialState: undefined,
  decide(command, state) {
    if (state) throw new AppError('INVALID_STATE', `Credentials ${command.credentialsId} already exist`);
    const { credentialsId, userId, passwordHash, now } = command;
    return [
      {
        type: 'CredentialsCreated',
        data: { credentialsId, userId, passwordHash, createdAt: now.toISOString() },
      },
    ];
  },
  evolve(_state, event) {
    const { credentialsId, userId, passwordHash } = event.data;
    return { credentialsId, userId, passwordHash };
  },
};
