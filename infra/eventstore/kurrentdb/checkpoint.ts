import type { Position } from '@kurrent/kurrentdb-client';
import type { Checkpoint } from '../../ports/event-store';

/**
 * KurrentDB checkpoints are $all positions, commit then prepare, each zero-padded to 20 digits (an
 * unsigned 64-bit number has at most 20) so that plain string order is log order:
 * `00000000000000012345:00000000000000012345`. The empty checkpoint is the start of the log.
 */
const width = 20;
const maxPosition = 2n ** 64n - 1n;
const checkpointPattern = /^(\d{1,20}):(\d{1,20})$/;

export function formatKurrentCheckpoint(position: Position): Checkpoint {
  for (const part of [position.commit, position.prepare]) {
    if (part < 0n || part > maxPosition) throw new RangeError(`Not a KurrentDB log position: ${part}`);
  }
  return `${pad(position.commit)}:${pad(position.prepare)}` as Checkpoint;
}

/** The position a checkpoint names, or undefined for the start of the log. */
export function parseKurrentCheckpoint(checkpoint: string | undefined): Position | undefined {
  if (!checkpoint) return undefined;
  const match = checkpointPattern.exec(checkpoint);
  const position = match && { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
  if (!position || position.commit > maxPosition || position.prepare > maxPosition) {
    throw new TypeError(`Not a KurrentDB event store checkpoint: ${JSON.stringify(checkpoint)}`);
  }
  return position;
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** The later of two positions; undefined stands for the start of the log. */
export function laterPosition(a: Position | undefined, b: Position | undefined): Position | undefined {
  if (!a) return b;
  if (!b) return a;
  return comparePositions(a, b) >= 0 ? a : b;
}

function pad(value: bigint): string {
  return value.toString().padStart(width, '0');
}
