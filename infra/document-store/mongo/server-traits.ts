import type mongoose from 'mongoose';

/** What the server behind the URL can be trusted with; FerretDB speaks the protocol but lacks some. */
export type ServerTraits = {
  readonly kind: 'mongodb' | 'ferretdb';
  /**
   * False on FerretDB 1.x: concurrent updates of one document lose writes (20 concurrent `$inc` of 1
   * left 4), so the adapter serialises its updates per collection within the process.
   */
  readonly atomicUpdates: boolean;
  /**
   * False on FerretDB 1.x: `$project` takes field paths as literals and `$sum: 1` beside another
   * accumulator yields 0, so the adapter runs leading `$match` stages on the server and the rest in mingo.
   */
  readonly fullAggregation: boolean;
};

export async function detectServerTraits(db: mongoose.mongo.Db): Promise<ServerTraits> {
  const info = await db.command({ buildInfo: 1 });
  const ferret = typeof info.ferretdbVersion === 'string';
  return { kind: ferret ? 'ferretdb' : 'mongodb', atomicUpdates: !ferret, fullAggregation: !ferret };
}

/** Runs tasks one after another, in call order. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<R>(task: () => Promise<R>): Promise<R> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
