/** Closed until `open()`; `reached` resolves once the first caller waits at it. */
export class Gate {
  readonly reached: Promise<void>;
  private arrive!: () => void;
  private opened!: () => void;
  private readonly openPromise: Promise<void>;

  constructor() {
    this.reached = new Promise((resolve) => (this.arrive = resolve));
    this.openPromise = new Promise((resolve) => (this.opened = resolve));
  }

  pass(): Promise<void> {
    this.arrive();
    return this.openPromise;
  }

  open(): void {
    this.opened();
  }
}

/** Lets callers through only once `parties` of them have arrived. */
export class Barrier {
  private arrived = 0;
  private release!: () => void;
  private readonly all = new Promise<void>((resolve) => (this.release = resolve));

  constructor(private readonly parties: number) {}

  arrive(): Promise<void> {
    this.arrived += 1;
    if (this.arrived >= this.parties) this.release();
    return this.all;
  }
}
