import { readFile } from 'node:fs/promises';
import type { SqlClient } from '../ports/sql';

const schemaFile = new URL('./schema.sql', import.meta.url);
const created = new WeakMap<SqlClient, Promise<void>>();

/** Creates the relay's and processOnce's tables once per client. */
export function ensureRelaySchema(sql: SqlClient): Promise<void> {
  let done = created.get(sql);
  if (!done) {
    done = readFile(schemaFile, 'utf8').then((script) => sql.exec(script));
    done.catch(() => created.delete(sql));
    created.set(sql, done);
  }
  return done;
}
