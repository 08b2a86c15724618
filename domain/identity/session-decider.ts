import { AppError, type Decider } from '../shared';
import type { Session, SessionEvent, SessionState } from './session-events';

/** Refresh tokens last 7 days from the moment they are issued (API.md, "Conventions"). */
export const refreshTokenTtlMs = 7 * 24 * 60 * 60 * 1000;

export type StartSession = {
  readonly type: 'StartSession';
  readonly sessionId: string;
  readonly userId: string;
  readonly tokenHash: string;
  readonly now: Date;
};
/** Exchange the presented refresh token for the next one of its family. */
export type RotateRefreshToken = {
  readonly type: 'RotateRefreshToken';
  readonly tokenHash: string;
  readonly newTokenHash: string;
  readonly now: Date;
};
/** Logout: `userId` is the signed-in user, who must own the session. */
export type EndSession = {
  readonly type: 'EndSession';
  readonly tokenHash: string;
  readonly userId: string;
  readonly now: Date;
};
export type SessionCommand = StartSession | RotateRefreshToken | EndSession;

const invalidToken = () => new AppError('UNAUTHORIZED', 'Refresh token is not valid');

function decideRotation(command: RotateRefreshToken, session: SessionState): SessionEvent[] {
  if (!session || session.status !== 'active') throw invalidToken();
  const { sessionId } = session;
  const at = command.now.toISOString();
  if (session.rotatedTokenHashes.includes(command.tokenHash)) {
    const data = {
      sessionId,
      reason: 'refresh_token_reuse' as const,
      reusedTokenHash: command.tokenHash,
      revokedAt: at,
    };
    return [{ type: 'SessionRevoked', data }];
  }
  if (command.tokenHash !== session.currentTokenHash) throw invalidToken();
  if (command.now.getTime() >= session.expiresAt.getTime())
    throw new AppError('UNAUTHORIZED', 'Refresh token has expired');
  const expiresAt = new Date(command.now.getTime() + refreshTokenTtlMs).toISOString();
  const data = {
    sessionId,
    tokenHash: command.tokenHash,
    newTokenHash: command.newTokenHash,
    rotatedAt: at,
    expiresAt,
  };
  return [{ type: 'RefreshTokenRotated', data }];
}

function decideEnd(command: EndSession, session: SessionState): SessionEvent[] {
  const known =
    session &&
    (session.currentTokenHash === command.tokenHash ||
      session.rotatedTokenHashes.includes(command.tokenHash));
  if (!session || !known || session.userId !== command.userId) throw invalidToken();
  // Signing out twice, or after the family was revoked, changes nothing.
  if (session.status !== 'active') return [];
  return [
    {
      type: 'SessionEnded',
      data: { sessionId: session.sessionId, reason: 'logout', endedAt: command.now.toISOString() },
    },
  ];
}

function evolveActive(state: Session, event: SessionEvent): Session {
  switch (event.type) {
    case 'SessionStarted':
      return state;
    case 'RefreshTokenRotated':
      return {
        ...state,
        currentTokenHash: event.data.newTokenHash,
        expiresAt: new Date(event.data.expiresAt),
        rotatedTokenHashes: [...state.rotatedTokenHashes, event.data.tokenHash],
      };
    case 'SessionEnded':
      return { ...state, status: 'ended' };
    case 'SessionRevoked':
      return { ...state, status: 'revoked' };
  }
}

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: undefined,

  decide(command, state) {
    switch (command.type) {
      case 'StartSession': {
        if (state) throw new AppError('INVALID_STATE', `Session ${command.sessionId} already exists`);
        const { sessionId, userId, tokenHash, now } = command;
        const expiresAt = new Date(now.getTime() + refreshTokenTtlMs).toISOString();
        return [
          {
            type: 'SessionStarted',
            data: { sessionId, userId, tokenHash, startedAt: now.toISOString(), expiresAt },
          },
        ];
      }
      case 'RotateRefreshToken':
        return decideRotation(command, state);
      case 'EndSession':
        return decideEnd(command, state);
    }
  },

  evolve(state, event) {
    if (event.type === 'SessionStarted') {
      const { sessionId, userId, tokenHash, expiresAt } = event.data;
      return {
        sessionId,
        userId,
        status: 'active',
        currentTokenHash: tokenHash,
        expiresAt: new Date(expiresAt),
        rotatedTokenHashes: [],
      };
    }
    return state && evolveActive(state, event);
  },
};
