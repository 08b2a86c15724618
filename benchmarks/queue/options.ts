import { parseArgs } from 'node:util';

/** Where the product keeps its data: the embedded mode (PGlite, in-process line) or the servers. */
export type StorageMode = 'embedded' | 'redis';

export type QueueOptions = {
  readonly mode: StorageMode;
  /** Simulated buyers: each joins once, then reads its status until admitted. */
  readonly buyers: number;
  /** All joins are sent, evenly spread (open loop), within this many seconds. */
  readonly joinSeconds: number;
  /** From the pre-queue's opening to the sale's start (the shuffle): joins before it are pre-queued. */
  readonly prequeueSeconds: number;
  /** A waiting buyer reads its status this many seconds after its last answer. */
  readonly statusEverySeconds: number;
  readonly admissionPerMinute: number;
  readonly maxInside: number;
  readonly passLifetimeSeconds: number;
  /** The storm, from the first join to the last read sent. */
  readonly durationSeconds: number;
  /** Share of the admitted buyers that make a hold with their pass (0…1). */
  readonly holdShare: number;
  /** The storm's keep-alive connections (requests beyond them wait for a free one). */
  readonly connections: number;
  readonly timeoutSeconds: number;
  /** Each buyer its own client address (`X-Forwarded-For`, the server trusting one proxy hop). */
  readonly ownAddresses: boolean;
  readonly probe: {
    /** Holds/s on the event without a waiting room, paced by wrk. */
    readonly rate: number;
    /** Length of the probe before the storm (the baseline). */
    readonly baselineSeconds: number;
    readonly connections: number;
  };
  /** Seconds between the admin's reads of the room's live view. */
  readonly roomSampleSeconds: number;
  readonly redisDb: number;
  readonly logLevel: string;
  readonly outDir: string;
};

const positive = (name: string, value: string, allowZero = false): number => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || (!allowZero && parsed === 0))
    throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} number (got ${value})`);
  return parsed;
};

const integer = (name: string, value: string, allowZero = false): number => {
  const parsed = positive(name, value, allowZero);
  if (!Number.isInteger(parsed)) throw new Error(`--${name} must be a whole number (got ${value})`);
  return parsed;
};

/** The product's own bounds of a room's settings (`domain/catalog/decide-waiting-room.ts`). */
const roomMaximum = 100_000;

export function parseQueueOptions(argv: readonly string[]): QueueOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      redis: { type: 'boolean', default: false },
      buyers: { type: 'string', default: '100000' },
      'join-seconds': { type: 'string', default: '10' },
      'prequeue-seconds': { type: 'string' },
      'status-every': { type: 'string', default: '5' },
      'admission-per-minute': { type: 'string', default: '6000' },
      'max-inside': { type: 'string' },
      'pass-lifetime': { type: 'string', default: '300' },
      duration: { type: 'string', default: '120' },
      'hold-share': { type: 'string', default: '1' },
      connections: { type: 'string', default: '256' },
      timeout: { type: 'string', default: '30' },
      'one-address': { type: 'boolean', default: false },
      'probe-rate': { type: 'string', default: '20' },
      'probe-seconds': { type: 'string', default: '20' },
      'probe-connections': { type: 'string', default: '4' },
      // The organizer's live view in the web app refreshes every 3 s.
      'room-sample': { type: 'string', default: '3' },
      'redis-db': { type: 'string', default: '14' },
      'log-level': { type: 'string', default: 'info' },
      out: { type: 'string', default: new URL('./out', import.meta.url).pathname },
    },
  });
  const buyers = integer('buyers', values.buyers);
  const joinSeconds = positive('join-seconds', values['join-seconds']);
  const durationSeconds = positive('duration', values.duration);
  if (durationSeconds < joinSeconds) throw new Error('--duration must be at least --join-seconds');
  const prequeueSeconds =
    values['prequeue-seconds'] === undefined
      ? joinSeconds / 2
      : positive('prequeue-seconds', values['prequeue-seconds'], true);
  const admissionPerMinute = integer('admission-per-minute', values['admission-per-minute']);
  const maxInside =
    values['max-inside'] === undefined
      ? Math.min(buyers, roomMaximum)
      : integer('max-inside', values['max-inside']);
  if (admissionPerMinute > roomMaximum || maxInside > roomMaximum)
    throw new Error(
      `--admission-per-minute and --max-inside are at most ${roomMaximum} (the product's bound)`,
    );
  const holdShare = positive('hold-share', values['hold-share'], true);
  if (holdShare > 1) throw new Error('--hold-share is a share from 0 to 1');
  return {
    mode: values.redis ? 'redis' : 'embedded',
    buyers,
    joinSeconds,
    prequeueSeconds,
    statusEverySeconds: positive('status-every', values['status-every']),
    admissionPerMinute,
    maxInside,
    passLifetimeSeconds: integer('pass-lifetime', values['pass-lifetime']),
    durationSeconds,
    holdShare,
    connections: integer('connections', values.connections),
    timeoutSeconds: positive('timeout', values.timeout),
    ownAddresses: !values['one-address'],
    probe: {
      rate: positive('probe-rate', values['probe-rate']),
      baselineSeconds: positive('probe-seconds', values['probe-seconds']),
      connections: integer('probe-connections', values['probe-connections']),
    },
    roomSampleSeconds: positive('room-sample', values['room-sample']),
    redisDb: integer('redis-db', values['redis-db'], true),
    logLevel: values['log-level'],
    outDir: values.out,
  };
}
