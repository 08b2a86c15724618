/** What the admission worker knows when it decides how many to let in. */
export type AdmissionInputs = {
  readonly paused: boolean;
  readonly admissionPerMinute: number;
  readonly maxInside: number;
  /** Buyers inside now: admitted with a pass not yet expired, or holding seats not yet paid or let go. */
  readonly inside: number;
  /** Of those, the ones with a pass not used yet: they may still take seats. */
  readonly passesOut: number;
  /** Numbered places not yet let in. */
  readonly waiting: number;
  /** Seats still for sale across the event's zones (the inventory actor's counts). */
  readonly seatsLeft: number;
  /** The most one buyer may take (the event's limit). */
  readonly maxTicketsPerUser: number;
  /** Buyers the admission rate allows now (its credit; `rateCredit` keeps it). */
  readonly rateAllows: number;
};

/**
 * The admission rate as a credit of buyers: it grows with time at `perMinute`, up to ten seconds' worth
 * (at least one buyer), and what was let in is spent from it, so fractions carry over from one step to
 * the next and a pause or a slow step never turns into a burst of more than ten seconds of buyers.
 */
export function rateCredit(input: {
  readonly credit: number;
  readonly elapsedMs: number;
  readonly perMinute: number;
}): number {
  const most = Math.max(1, input.perMinute / 6);
  return Math.min(most, input.credit + (input.perMinute * Math.max(0, input.elapsedMs)) / 60_000);
}

/**
 * How many to let in now. Never more than the rate's credit allows,
 * than the room holds, than are waiting; and none while the buyers inside with a pass not used yet could
 * already take every seat left (each may take up to the limit; seats already held are not left), so
 * nobody is let in to find the sale over.
 */
export function admissionBudget(inputs: AdmissionInputs): number {
  if (inputs.paused || inputs.waiting <= 0 || inputs.seatsLeft <= 0) return 0;
  // The epsilon keeps a credit of n buyers summed from fractions from rounding down to n - 1.
  const byRate = Math.floor(inputs.rateAllows + 1e-6);
  const byRoom = inputs.maxInside - inputs.inside;
  const bySeats = Math.ceil(inputs.seatsLeft / inputs.maxTicketsPerUser) - inputs.passesOut;
  return Math.max(0, Math.min(byRate, byRoom, bySeats, inputs.waiting));
}

/** People ahead, and an estimate of the wait at the configured rate (null when nobody is let in now). */
export function waitEstimate(input: {
  readonly place: number;
  readonly admittedUpTo: number;
  readonly admissionPerMinute: number;
  readonly paused: boolean;
}): { ahead: number; waitSeconds: number | null } {
  const ahead = Math.max(0, input.place - input.admittedUpTo - 1);
  if (input.paused) return { ahead, waitSeconds: null };
  return { ahead, waitSeconds: Math.ceil(((ahead + 1) * 60) / input.admissionPerMinute) };
}

/**
 * The odds, ours alone: the chance that seats are still left when this buyer's turn comes, from the
 * seats left and what the buyers ahead (and inside) are likely to take. `seatsPerBuyer` is the mean
 * quantity per hold seen so far (the limit when nothing is known). 'likely' while the people ahead
 * would leave seats over even taking the most they may; 'unlikely' when even at the mean they take
 * every seat; 'possible' between.
 */
export function oddsOfSeats(input: {
  readonly ahead: number;
  readonly inside: number;
  readonly seatsLeft: number;
  readonly seatsPerBuyer: number;
  readonly maxTicketsPerUser: number;
}): { odds: 'likely' | 'possible' | 'unlikely' | 'sold-out'; expectedTakenAhead: number } {
  const before = input.ahead + input.inside;
  const expectedTakenAhead = Math.round(before * input.seatsPerBuyer);
  if (input.seatsLeft <= 0) return { odds: 'sold-out', expectedTakenAhead };
  if (before * input.maxTicketsPerUser < input.seatsLeft) return { odds: 'likely', expectedTakenAhead };
  if (expectedTakenAhead >= input.seatsLeft) return { odds: 'unlikely', expectedTakenAhead };
  return { odds: 'possible', expectedTakenAhead };
}
