import { SpanKind, type Attributes } from '@opentelemetry/api';
import type { Metrics } from '../../ports/metrics';
import { attr, inSpan, insideRecordedSpan, systems } from '../../tracing';

/**
 * Where a client's statements go (the database's name, the server's address when there is one), and
 * where their durations are recorded.
 */
export type SqlTarget = {
  readonly namespace?: string;
  readonly serverAddress?: string;
  readonly serverPort?: number;
  readonly metrics?: Pick<Metrics, 'dbOperation'>;
};

const leadingKeyword = /^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\()*([A-Za-z]+)/;

/** `SELECT`, `INSERT`, `WITH`…: the statement's first keyword, past comments and parentheses. */
export function operationOf(text: string): string | undefined {
  return leadingKeyword.exec(text)?.[1]?.toUpperCase();
}

/** The product's statements are a few hundred constant texts: each is parsed once, not per call. */
const operations = new Map<string, string>();
const mostRemembered = 2_000;

function rememberedOperationOf(text: string): string {
  let operation = operations.get(text);
  if (operation === undefined) {
    operation = operationOf(text) ?? 'OTHER';
    if (operations.size < mostRemembered) operations.set(text, operation);
  }
  return operation;
}

/** Times one statement into `db_client_operation_duration_seconds` (failed ones too). */
async function timed<T>(
  metrics: Pick<Metrics, 'dbOperation'>,
  text: string,
  run: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    metrics.dbOperation(
      systems.postgresql,
      rememberedOperationOf(text),
      (performance.now() - started) / 1_000,
    );
  }
}

function targetAttributes(target: SqlTarget): Attributes {
  return {
    [attr.dbSystemName]: systems.postgresql,
    ...(target.namespace !== undefined && { [attr.dbNamespace]: target.namespace }),
    ...(target.serverAddress !== undefined && { [attr.serverAddress]: target.serverAddress }),
    ...(target.serverPort !== undefined && { [attr.serverPort]: target.serverPort }),
  };
}

/**
 * Runs one statement, timed when the client records metrics, inside a CLIENT span when the work calling
 * it is traced. The text is recorded as written (its values travel as parameters, never in it).
 */
export function inQuerySpan<T>(target: SqlTarget, text: string, statement: () => Promise<T>): Promise<T> {
  const { metrics } = target;
  const run = metrics ? () => timed(metrics, text, statement) : statement;
  if (!insideRecordedSpan()) return run();
  const operation = operationOf(text);
  const name = [operation, target.namespace].filter(Boolean).join(' ') || systems.postgresql;
  return inSpan(
    name,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        ...targetAttributes(target),
        ...(operation !== undefined && { [attr.dbOperationName]: operation }),
        [attr.dbQueryText]: text,
      },
    },
    run,
  );
}

/** A transaction's statements grouped under one span (they are its CLIENT children). */
export function inTransactionSpan<T>(target: SqlTarget, run: () => Promise<T>): Promise<T> {
  if (!insideRecordedSpan()) return run();
  return inSpan('transaction', { kind: SpanKind.INTERNAL, attributes: targetAttributes(target) }, run);
}

/** Database, host and port of a `postgres://` connection string (nothing it cannot read). */
export function targetOfConnectionString(connectionString: string): SqlTarget {
  try {
    const url = new URL(connectionString);
    const namespace = decodeURIComponent(url.pathname.replace(/^\//, ''));
    return {
      ...(namespace && { namespace }),
      ...(url.hostname && { serverAddress: url.hostname }),
      serverPort: url.port ? Number(url.port) : 5432,
    };
  } catch {
    return {};
  }
}
