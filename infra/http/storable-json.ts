import type { NextFunction } from 'express';
import { AppError } from '../../domain/shared';

/**
 * Deepest nesting of objects and arrays a body may have: far beyond any DTO of ours, far below the
 * depth at which recursive code (class-transformer, class-validator) overflows the stack.
 */
export const maxJsonDepth = 32;

type Problem = { readonly field: string; readonly reason: string };

/** Text PostgreSQL cannot hold (and the event store would refuse only at the append, after other writes). */
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (!text.isWellFormed()) return 'must not contain a lone UTF-16 surrogate';
  return undefined;
}

/** The first string or key in `value` PostgreSQL cannot hold, with its path (`shows.0.name`). */
function unstorable(value: unknown, depth: number): Problem | 'too deep' | undefined {
  if (typeof value === 'string') {
    const reason = textProblem(value);
    return reason === undefined ? undefined : { field: '', reason };
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (depth > maxJsonDepth) return 'too deep';
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const problem = unstorableField(String(index), value[index], depth);
      if (problem) return problem;
    }
    return undefined;
  }
  for (const key in value) {
    const problem = unstorableField(key, (value as Record<string, unknown>)[key], depth);
    if (problem) return problem;
  }
  return undefined;
}

function unstorableField(key: string, item: unknown, depth: number): Problem | 'too deep' | undefined {
  const keyReason = textProblem(key);
  if (keyReason !== undefined) return { field: key, reason: `key ${keyReason}` };
  const problem = unstorable(item, depth + 1);
  if (problem === undefined || problem === 'too deep') return problem;
  return { field: problem.field ? `${key}.${problem.field}` : key, reason: problem.reason };
}

/**
 * Refuses, as 400 VALIDATION_ERROR, a body nested deeper than `maxJsonDepth` and one holding a string
 * (or key) with a NUL character or a lone surrogate, naming the field, so that nothing a later write
 * would fail on gets past the edge.
 */
export function refuseUnstorable(body: unknown, next: NextFunction): void {
  const problem = unstorable(body, 1);
  if (problem === undefined) return next();
  if (problem === 'too deep') {
    return next(
      new AppError('VALIDATION_ERROR', `Request body is nested deeper than ${maxJsonDepth} levels`),
    );
  }
  const message = `Invalid request body: ${problem.field}: ${problem.reason}`;
  next(new AppError('VALIDATION_ERROR', message, [{ field: problem.field, reasons: [problem.reason] }]));
}
