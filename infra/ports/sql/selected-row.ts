/**
 * A row as `query` returns it, from its shape as written: a bigint column comes back as text from pg (a
 * number from PGlite), a timestamptz column as a Date. Read models declare their row once, as written,
 * and derive what their queries read from it.
 */
export type SelectedRow<Row, Bigint extends keyof Row = never, Timestamp extends keyof Row = never> = {
  [Column in keyof Row]: Column extends Bigint
    ? Row[Column] | string
    : Column extends Timestamp
      ? Row[Column] | Date
      : Row[Column];
};
