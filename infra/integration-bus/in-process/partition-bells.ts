/** Wake-ups by topic-partition: publishers ring, the worker of that partition listens. */
export class PartitionBells {
  private readonly listeners = new Map<string, Set<() => void>>();

  listen(topic: string, partition: number, listener: () => void): () => void {
    const id = `${topic}\u0000${partition}`;
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  ring(topic: string, partition: number): void {
    for (const listener of this.listeners.get(`${topic}\u0000${partition}`) ?? []) listener();
  }
}
