import type { CommandIo } from '../roles';

/** Bad arguments: the command prints the message and its usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command could not do its job for a reason the user can act on: one line on stderr, exit 1. */
export class CommandFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandFailure';
  }
}

/**
 * Runs a command's work: exit 2 with the usage for a UsageError, 1 with one line for a CommandFailure.
 * Anything else (an outage, a bug) propagates to the CLI, which reports it and exits 1.
 */
export async function runCommand(
  name: string,
  usage: string,
  io: CommandIo,
  work: () => Promise<number>,
): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${name}: ${error.message}\n${usage}\n`);
      return 2;
    }
    if (error instanceof CommandFailure) {
      io.err(`${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
