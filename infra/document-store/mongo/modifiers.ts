import type mongoose from 'mongoose';
import { positionField, type GuardedUpdate, type Update } from '../../ports/document-store';

type Modifier = mongoose.mongo.UpdateFilter<mongoose.mongo.Document>;

// MongoDB refuses an empty operator (`$inc: {}`), so empty parts are left out.
const nonEmpty = <V>(part: Readonly<Record<string, V>> | undefined) =>
  part && Object.keys(part).length > 0 ? { ...part } : undefined;

/** The update of a guarded upsert: always moves the stored position to the applied one. */
export function guardedModifier(update: GuardedUpdate): Modifier {
  const modifier: Modifier = { $set: { ...update.set, [positionField]: update.position } };
  const inc = nonEmpty(update.inc);
  if (inc) modifier.$inc = inc;
  const setOnInsert = nonEmpty(update.setOnInsert);
  if (setOnInsert) modifier.$setOnInsert = setOnInsert;
  return modifier;
}

/** The update of `updateOne`; undefined when it changes nothing. */
export function plainModifier(update: Update): Modifier | undefined {
  const set = nonEmpty(update.set);
  const inc = nonEmpty(update.inc);
  if (!set && !inc) return undefined;
  return { ...(set ? { $set: set } : {}), ...(inc ? { $inc: inc } : {}) };
}
