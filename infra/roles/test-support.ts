// Runs `tsx infra/cli/main.ts <role>` (or another script) as a real process and lets tests wait on its JSON log lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { configVariables } from '../config';

const root = path.resolve(import.meta.dirname, '../..');
export type LogLine = Record<string, unknown>;

export type RoleProcess = {
  readonly child: ChildProcess;
  readonly lines: LogLine[];
  stderr(): string;
  /** Resolves with the first log line matching `predicate`; rejects after `timeoutMs` or on exit. */
  waitForLine(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code; rejects after `timeoutMs`. */
  exitCode(timeoutMs?: number): Promise<number | null>;
};

/** The parent's environment without any Booking Rush setting, plus `env`. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(configVariables)) delete base[name];
  // tsx's shebang finds `node` on PATH: make it the Node running these tests.
  base.PATH = `${path.dirname(process.execPath)}${path.delimiter}${base.PATH ?? ''}`;
  // Every answer of a role under test is held to the OpenAPI document.
  return { ...base, API_RESPONSE_VALIDATION: 'on', ...env };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `tsx infra/cli/main.ts <args>`. */
export function spawnRole(args: string[], env: Record<string, string>): RoleProcess {
  return spawnTsx(['infra/cli/main.ts', ...args], env);
}

/** `tsx <args>` from the repository root. */
export function spawnTsx(args: string[], env: Record<string, string>): RoleProcess {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), args, {
    cwd: root,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    try {
      lines.push(JSON.parse(text) as LogLine);
    } catch {
      lines.push({ unparsed: text });
    }
    for (const wake of waiters) wake();
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    lines,
    stderr: () => stderr,
    waitForLine(predicate, timeoutMs = 30_000) {
      const found = new Promise<LogLine>((resolve, reject) => {
        const check = () => {
          const line = lines.find(predicate);
          if (line) {
            waiters.delete(check);
            resolve(line);
          }
        };
        waiters.add(check);
        check();
        void exited.then((code) => {
          waiters.delete(check);
          reject(new Error(`process exited (${code}) before the line appeared; stderr: ${stderr}`));
        });
      });
      return withTimeout(found, timeoutMs, 'a log line');
    },
    exitCode: (timeoutMs = 15_000) => withTimeout(exited, timeoutMs, 'the process to exit'),
  };
}
