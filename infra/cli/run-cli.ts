import { ConfigError, type Env } from '../config';
import { roles } from './roles';

export type CliIo = { readonly out: (text: string) => void; readonly err: (text: string) => void };

export function usage(): string {
  const names = [...Object.keys(roles), 'help'];
  const width = Math.max(...names.map((name) => name.length));
  const lines = Object.entries(roles).map(([name, role]) => `  ${name.padEnd(width)}  ${role.summary}`);
  lines.push(`  ${'help'.padEnd(width)}  show this list`);
  return `Usage: tsx infra/cli/main.ts <role>\n\nRoles:\n${lines.join('\n')}\n\nSettings come from environment variables (infra/config/README.md).\n`;
}

/**
 * Runs one role. Resolves to an exit code when the CLI should exit now (help, unknown role, failed
 * start), or to undefined when the role keeps running and owns the process from here on.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  env: Env = process.env,
): Promise<number | undefined> {
  const [name = 'help', ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return 0;
  }
  const role = Object.hasOwn(roles, name) ? roles[name] : undefined;
  if (!role) {
    io.err(`Unknown role "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    const code = await (await role.load()).run(args, env, io);
    return typeof code === 'number' ? code : undefined;
  } catch (error) {
    // Known start-up failures read best as their message alone. StartupError is matched by name so that
    // this file does not import infra/roles eagerly (roles load lazily from the table).
    const expected =
      error instanceof ConfigError || (error instanceof Error && error.name === 'StartupError');
    io.err(
      `${name}: ${expected ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
