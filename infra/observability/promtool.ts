// promtool, from Debian's `prometheus` package that infra/services/services.sh installs (npm test runs
// `services.sh up`, which installs it when missing). PROMTOOL names another binary.
import { spawnSync } from 'node:child_process';

export interface PromtoolRun {
  readonly status: number | null;
  /** stdout and stderr together, as promtool splits its report between them. */
  readonly output: string;
}

export function promtool(args: readonly string[], cwd: string): PromtoolRun {
  const binary = process.env.PROMTOOL || 'promtool';
  const run = spawnSync(binary, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error(
      `promtool is not installed (looked for "${binary}"): run 'bash infra/services/services.sh up prometheus' ` +
        "(npm test does), which installs Debian's prometheus package with promtool, or set PROMTOOL",
    );
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
