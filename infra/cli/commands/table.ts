import type { CommandIo } from '../roles';

/** Left-aligned columns, two spaces apart, the header first. */
export function printTable(
  io: CommandIo,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  const all = [header, ...rows];
  const widths = header.map((_, index) => Math.max(...all.map((row) => (row[index] ?? '').length)));
  for (const row of all)
    io.out(
      `${row
        .map((cell, index) => cell.padEnd(widths[index]!))
        .join('  ')
        .trimEnd()}\n`,
    );
}
