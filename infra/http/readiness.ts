import { Router } from 'express';
import type { Logger } from '../logging';

/** One dependency probe for `GET /ready`, e.g. `sql: select 1`. */
export type ReadinessCheck = {
  readonly name: string;
  check(): Promise<unknown>;
};

export type CheckResult = {
  readonly status: 'ok' | 'failed';
  readonly durationMs: number;
  readonly error?: string;
};
export type ReadinessReport = {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, CheckResult>>;
};

class CheckTimeout extends Error {}

/** What callers see: a timeout or an error code; the message (hosts, SQL) stays in the log. */
function shortReason(error: unknown): string {
  if (error instanceof CheckTimeout) return error.message;
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'error';
}

async function runOne(check: ReadinessCheck, timeoutMs: number, logger: Logger): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check.check(), timeout]);
    return { status: 'ok', durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    logger.warn('readiness check failed', { check: check.name, error });
    return {
      status: 'failed',
      durationMs: Math.round(performance.now() - started),
      error: shortReason(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once, each bounded by `timeoutMs`. */
export async function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
  logger: Logger,
): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map((check) => runOne(check, timeoutMs, logger)));
  return {
    ready: results.every((result) => result.status === 'ok'),
    checks: Object.fromEntries(checks.map((check, index) => [check.name, results[index]!])),
  };
}

/** `GET /health`: the process answers. `GET /ready`: every dependency answered in time. */
export function healthRoutes(checks: readonly ReadinessCheck[], timeoutMs: number, logger: Logger): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const report = await runReadinessChecks(checks, timeoutMs, logger);
    res
      .status(report.ready ? 200 : 503)
      .json({ status: report.ready ? 'ready' : 'not_ready', checks: report.checks });
  });
  return router;
}
