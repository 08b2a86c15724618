import { runCli } from '../../infra/cli';

export type CliResult = { readonly code: number | undefined; readonly out: string; readonly err: string };

/** Runs one CLI command in this process with captured output (never a TTY: plain progress lines). */
export async function cli(env: Readonly<Record<string, string>>, ...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await runCli(
    argv,
    { out: (text) => void (out += text), err: (text) => void (err += text) },
    { ...env, LOG_LEVEL: 'error' },
  );
  return { code, out, err };
}

/** The event lines of `streams show` / `feed` output (not the `next …` line nor progress). */
export const eventLines = (out: string): string[] =>
  out.split('\n').filter((line) => line !== '' && !line.startsWith('next '));
