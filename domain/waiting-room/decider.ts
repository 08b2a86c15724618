import { AppError, type Decider } from '../shared';
import type { AdmitBuyers, RecordJoins, ShuffleQueue, WaitingRoomCommand } from './commands';
import type { WaitingRoomEvent } from './events';
import { seedCommitment, shuffledOrder } from './fair-order';
import { evolveQueue, initialQueueState, type QueueState } from './state';

const invalidState = (message: string) => new AppError('INVALID_STATE', message);

function recordJoins(command: RecordJoins, state: QueueState): WaitingRoomEvent[] {
  if (state.phase === 'not-opened') throw invalidState('The queue is not open yet');
  const seen = new Set<string>();
  const joins = command.joins.filter((join) => {
    if (state.joined.has(join.userId) || seen.has(join.userId)) return false;
    seen.add(join.userId);
    return true;
  });
  if (joins.length === 0) return [];
  if (state.seed !== null && joins.some((join) => join.seq === null)) {
    throw invalidState('A pre-queue join cannot be recorded after the shuffle');
  }
  const taken = joins.find((join) => join.seq !== null && state.bySeq.has(join.seq));
  if (taken) throw invalidState(`Place ${taken.seq} is already taken`);
  return [{ type: 'QueueJoinsRecorded', data: { eventId: command.eventId, joins, occurredAt: command.now } }];
}

function shuffle(command: ShuffleQueue, state: QueueState): WaitingRoomEvent[] {
  if (state.phase !== 'prequeue') throw invalidState('Only a pre-queue is shuffled, once');
  if (seedCommitment(command.seed) !== state.seedCommitment) {
    throw invalidState('The seed does not match the published commitment');
  }
  return [
    {
      type: 'QueueShuffled',
      data: {
        eventId: command.eventId,
        seed: command.seed,
        prequeueCount: state.prequeue.length,
        occurredAt: command.now,
      },
    },
  ];
}

/** The next `count` numbered places in line; places never recorded are passed over. */
function admit(command: AdmitBuyers, state: QueueState): WaitingRoomEvent[] {
  if (state.phase !== 'open') return [];
  if (!Number.isInteger(command.count) || command.count < 0) throw invalidState('count must be 0 or more');
  const fromSeq = state.admittedUpTo + 1;
  const toSeq = Math.min(state.admittedUpTo + command.count, state.nextSeq - 1);
  if (toSeq < fromSeq) return [];
  const userIds: string[] = [];
  for (let seq = fromSeq; seq <= toSeq; seq += 1) {
    const userId = state.bySeq.get(seq);
    if (userId !== undefined) userIds.push(userId);
  }
  return [
    {
      type: 'BuyersAdmitted',
      data: {
        eventId: command.eventId,
        fromSeq,
        toSeq,
        userIds,
        passExpiresAt: command.passExpiresAt,
        occurredAt: command.now,
      },
    },
  ];
}

function decide(command: WaitingRoomCommand, state: QueueState): WaitingRoomEvent[] {
  const { eventId, now: occurredAt } = command;
  switch (command.type) {
    case 'OpenPreQueue':
      if (state.phase !== 'not-opened') return [];
      return [
        { type: 'PreQueueOpened', data: { eventId, seedCommitment: command.seedCommitment, occurredAt } },
      ];
    case 'RecordJoins':
      return recordJoins(command, state);
    case 'ShuffleQueue':
      return shuffle(command, state);
    case 'AdmitBuyers':
      return admit(command, state);
    case 'CloseQueue':
      if (state.phase === 'closed') return [];
      return [{ type: 'QueueClosed', data: { eventId, reason: command.reason, occurredAt } }];
    case 'ReopenQueue':
      if (state.phase !== 'closed') return [];
      return [{ type: 'QueueReopened', data: { eventId, occurredAt } }];
  }
}

/** The `waiting-room-<eventId>` aggregate: the queue's durable decisions. */
export const waitingRoomDecider: Decider<WaitingRoomCommand, WaitingRoomEvent, QueueState> = {
  initialState: initialQueueState,
  evolve: evolveQueue(shuffledOrder),
  decide,
};
