/** The process layouts the rush runs against; each process gets the run's common environment. */
export const variantNames = ['start', 'start-kafka', 'distributed'] as const;
export type VariantName = (typeof variantNames)[number];

/** `--variant a,b`: the named variants, each checked. */
export function chosenVariants(option: string): VariantName[] {
  const chosen = option
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of chosen) {
    if (!(variantNames as readonly string[]).includes(name))
      throw new Error(`Unknown variant ${name} (known: ${variantNames.join(', ')})`);
  }
  return chosen as VariantName[];
}

export type ProcessSpec = {
  /** Row name in the tables: the role, or `projector` for the benchmark's composition. */
  readonly name: string;
  /** A TypeScript entry point and its arguments (`infra/cli/main.ts <role>`). */
  readonly entry: string;
  readonly args: readonly string[];
  /** Serves the command API (reservations, sign-in): the load goes there. */
  readonly api: boolean;
};

export type Variant = {
  readonly name: VariantName;
  readonly summary: string;
  readonly processes: readonly ProcessSpec[];
  /** Integration bus: Kafka, or the durable in-process bus in PostgreSQL. */
  readonly bus: 'kafka' | 'sql';
  /** Document projections (analytics, audit) and notifications: in the process's memory, or MongoDB (FerretDB). */
  readonly documents: 'memory' | 'mongo';
  /** `GET /shows/:id/zones` is served (the zones of a new sale are listed before the load starts). */
  readonly servesQueries: boolean;
};

const role = (name: string, api = false): ProcessSpec => ({
  name,
  entry: 'infra/cli/main.ts',
  args: [name],
  api,
});

export const variants: Record<VariantName, Variant> = {
  start: {
    name: 'start',
    summary:
      'the `start` role: every role in one process on PostgreSQL + Redis, the in-process bus, document read models in memory',
    processes: [role('start', true)],
    bus: 'sql',
    documents: 'memory',
    servesQueries: true,
  },
  'start-kafka': {
    name: 'start-kafka',
    summary: 'the `start` role as above, with Kafka as the integration bus',
    processes: [role('start', true)],
    bus: 'kafka',
    documents: 'memory',
    servesQueries: true,
  },
  distributed: {
    name: 'distributed',
    summary:
      'every role its own process on PostgreSQL + Redis + Kafka + FerretDB (as MongoDB): command-api, projector, saga, relay, payment, notifier',
    processes: [
      role('command-api', true),
      {
        name: 'projector',
        entry: 'benchmarks/rush/projector-process.ts',
        args: [],
        api: false,
      },
      role('saga'),
      role('relay'),
      role('payment'),
      role('notifier'),
    ],
    bus: 'kafka',
    documents: 'mongo',
    servesQueries: false,
  },
};
