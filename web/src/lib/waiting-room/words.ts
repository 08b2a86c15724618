import type { QueueOdds, QueueStatus } from '../api/waiting-room';

/** "about 3 minutes": an estimate in words, never more precise than it is. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return 'less than a minute';
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourText = `${hours} hour${hours === 1 ? '' : 's'}`;
  return rest === 0 ? `about ${hourText}` : `about ${hourText} ${rest} minute${rest === 1 ? '' : 's'}`;
}

export function describeAhead(ahead: number): string {
  if (ahead <= 0) return 'Nobody is ahead of you: you are next.';
  return ahead === 1 ? '1 person is ahead of you.' : `${ahead.toLocaleString('en')} people are ahead of you.`;
}

/** The odds as a word and a sentence that says what it rests on. */
export function describeOdds(odds: QueueOdds): { word: string; sentence: string } {
  switch (odds) {
    case 'likely':
      return {
        word: 'Likely',
        sentence:
          'Seats should still be left when your turn comes, even if everyone ahead buys the most allowed.',
      };
    case 'possible':
      return {
        word: 'Possible',
        sentence: 'It depends on how many tickets the people ahead of you buy.',
      };
    case 'unlikely':
      return {
        word: 'Unlikely',
        sentence: 'The people ahead of you will probably take the seats that are left.',
      };
    case 'sold-out':
      return { word: 'None', sentence: 'Every seat is taken.' };
  }
}

/** Admission paused: the API shows it as `waiting` with no wait estimate. */
export const isPaused = (status: QueueStatus): boolean =>
  status.state === 'waiting' && status.waitSeconds === null;

/** The state's heading on the queue page. */
export function stateHeading(status: QueueStatus): string {
  switch (status.state) {
    case 'not-joined':
      return status.phase === 'closed' ? 'Sold out — the queue has closed' : 'You are not in the queue yet';
    case 'pre-queue':
      return 'You are in the pre-queue';
    case 'waiting':
      return isPaused(status) ? 'You are in the queue (admission paused)' : 'You are in the queue';
    case 'admitted':
      return 'It is your turn';
    case 'used':
      return 'You have used your turn';
    case 'expired':
      return 'Your turn has ended';
    case 'sold-out':
      return 'Sold out — the queue has closed';
  }
}
