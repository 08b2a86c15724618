import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { AppError } from '../../../domain/shared';

export type FieldProblem = { readonly field: string; readonly reasons: readonly string[] };

function flatten(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

async function toValidated<T extends object>(
  dto: new () => T,
  input: unknown,
  where: 'body' | 'query',
): Promise<T> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new AppError('VALIDATION_ERROR', `The request ${where} must be a JSON object`);
  }
  const instance = plainToInstance(dto, input);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    const problems = flatten(errors);
    const summary = problems.map((p) => `${p.field}: ${p.reasons.join(', ')}`).join('; ');
    throw new AppError('VALIDATION_ERROR', `Invalid request ${where}: ${summary}`, problems);
  }
  return instance;
}

/**
 * The request body as a validated DTO instance: unknown fields are rejected, every problem is listed
 * in `details` as `{ field, reasons }`. Nothing invalid reaches a command handler.
 */
export function validateBody<T extends object>(dto: new () => T, body: unknown): Promise<T> {
  return toValidated(dto, body ?? {}, 'body');
}

/**
 * Query-string parameters as a validated DTO. Every value arrives as text: a numeric field needs
 * `@Type(() => Number)` on the DTO, because implicit conversion relies on decorator metadata that
 * tsx (esbuild) does not emit.
 */
export function validateQuery<T extends object>(dto: new () => T, query: unknown): Promise<T> {
  return toValidated(dto, query ?? {}, 'query');
}
