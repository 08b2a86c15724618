// Fakes and fixtures the booking saga's tests share: a clock the test moves, recording ports, and
// commands written straight into the commands table.
import { randomUUID } from 'node:crypto';
import type { BookingCommands, ConfirmAnswer } from '../../infra/ports/booking-commands';
import type { PaymentRequests } from '../../infra/ports/payment-requests';
import type { SqlExecutor } from '../../infra/ports/sql';
import { messageIdOf } from './message-ids';
import type { SagaCommand } from './saga-commands';
import { ensureSagaCommandsTable, sagaCommandsTable } from './saga-tables';

/** A clock that stands still until the test moves it. */
export class TestClock {
  constructor(private current: Date) {}

  readonly now = (): Date => this.current;

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** One call the scheduler made on a port. */
export type PortCall = { readonly port: string; readonly bookingId: string; readonly input: unknown };

/**
 * `BookingCommands` and `PaymentRequests` that record every call, throw what a test asks them to per
 * booking, and let a test await the n-th call.
 */
export class RecordingPorts {
  readonly calls: PortCall[] = [];
  confirmAnswer: ConfirmAnswer = { ok: true };
  /** Runs inside every call before it returns: where a test holds calls open. */
  during: (call: PortCall) => Promise<void> | void = () => {};
  private readonly failures = new Map<string, () => unknown>();
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];

  readonly bookings: BookingCommands = {
    confirm: async (input) => (await this.record('confirm', input.bookingId, input), this.confirmAnswer),
    recordPaymentFailure: (input) => this.record('recordPaymentFailure', input.bookingId, input),
    recordRefund: (input) => this.record('recordRefund', input.bookingId, input),
    cancelForEvent: (input) => this.record('cancelForEvent', input.bookingId, input),
    returnSeats: (bookingId) => this.record('returnSeats', bookingId, { bookingId }),
    expireIfDue: (input) => this.record('expireIfDue', input.bookingId, input),
  };

  readonly payments: PaymentRequests = {
    requestCharge: (input) => this.record('requestCharge', input.bookingId, input),
    requestRefund: (input) => this.record('requestRefund', input.bookingId, input),
  };

  /** From now on, every call for `bookingId` throws what `error` returns. */
  fail(bookingId: string, error: () => unknown): void {
    this.failures.set(bookingId, error);
  }

  callsFor(bookingId: string): PortCall[] {
    return this.calls.filter((call) => call.bookingId === bookingId);
  }

  /** Resolves once `count` calls have been made in all (counting calls that threw). */
  waitForCalls(count: number): Promise<void> {
    if (this.calls.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private async record(port: string, bookingId: string, input: unknown): Promise<void> {
    const call = { port, bookingId, input };
    this.calls.push(call);
    for (const waiter of this.waiters.filter((w) => this.calls.length >= w.count)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    await this.during(call);
    const failure = this.failures.get(bookingId);
    if (failure) throw failure();
  }
}

export type CommandRowView = {
  readonly messageId: string;
  readonly sagaId: string;
  readonly key: string;
  readonly type: string;
  readonly command: SagaCommand;
  readonly status: string;
  readonly attempts: number;
  readonly dueAt: Date;
  readonly lastError: string | null;
};

/** Writes a pending command for `bookingId` under `key`, as a saga batch would; returns its message id. */
export async function insertCommand(
  sql: SqlExecutor,
  command: SagaCommand & { readonly bookingId: string },
  dueAt: Date,
  key: string = command.type,
): Promise<string> {
  await ensureSagaCommandsTable(sql);
  const messageId = messageIdOf(command.bookingId, key);
  await sql.query(
    `INSERT INTO ${sagaCommandsTable} (message_id, saga_id, key, type, command, metadata, due_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)`,
    [
      messageId,
      command.bookingId,
      key,
      command.type,
      JSON.stringify(command),
      JSON.stringify({ correlationId: randomUUID(), userId: 'system:booking-saga' }),
      dueAt.toISOString(),
    ],
  );
  return messageId;
}

/** Every row of the commands table, ordered by message id. */
export async function readCommands(sql: SqlExecutor): Promise<CommandRowView[]> {
  const rows = await sql.query<{
    message_id: string;
    saga_id: string;
    key: string;
    type: string;
    command: SagaCommand;
    status: string;
    attempts: number;
    due_at: Date | string;
    last_error: string | null;
  }>(
    `SELECT message_id, saga_id, key, type, command, status, attempts, due_at, last_error
     FROM ${sagaCommandsTable} ORDER BY message_id`,
  );
  return rows.map((row) => ({
    messageId: row.message_id,
    sagaId: row.saga_id,
    key: row.key,
    type: row.type,
    command: row.command,
    status: row.status,
    attempts: Number(row.attempts),
    dueAt: new Date(row.due_at),
    lastError: row.last_error,
  }));
}

/** The one row with `messageId`; throws when there is none. */
export async function readCommand(sql: SqlExecutor, messageId: string): Promise<CommandRowView> {
  const row = (await readCommands(sql)).find((candidate) => candidate.messageId === messageId);
  if (!row) throw new Error(`no command ${messageId}`);
  return row;
}
