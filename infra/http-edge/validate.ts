import { plainToInstance } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { AppError } from '../../domain/shared';

export type FieldProblem = { readonly field: string; readonly reasons: readonly string[] };

function flatten(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * class-validator filters its whole metadata list again on every validation, for every DTO class alike;
 * the metadata never changes once the classes are defined, so each class's answer is kept (per call
 * shape). This is the largest part of validating a small DTO, and it allocates on every request.
 */
function rememberTargetMetadatas(): void {
  const storage = getMetadataStorage() as ReturnType<typeof getMetadataStorage> & { [remembered]?: true };
  if (storage[remembered]) return;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const byTarget = new WeakMap<object, Map<string, ReturnType<typeof lookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const shape = `${schema}\u0000${String(always)}\u0000${String(strictGroups)}\u0000${groups?.join('\u0001') ?? ''}`;
    let shapes = byTarget.get(target);
    if (!shapes) byTarget.set(target, (shapes = new Map()));
    let metadatas = shapes.get(shape);
    if (!metadatas) shapes.set(shape, (metadatas = lookup(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
  storage[remembered] = true;
}
const remembered = Symbol.for('booking-rush.validation-metadata-remembered');
rememberTargetMetadatas();

/** Per DTO class: true when no property carries a class-transformer decorator (`@Type`, `@Transform`…). */
const plainDtos = new WeakMap<object, boolean>();

function isPlainDto(dto: new () => object): boolean {
  let plain = plainDtos.get(dto);
  if (plain === undefined) {
    const properties = getMetadataStorage()
      .getTargetValidationMetadatas(dto, '', true, false)
      .map((metadata) => metadata.propertyName);
    const storage = defaultMetadataStorage;
    plain =
      storage.getExposedMetadatas(dto).length === 0 &&
      storage.getExcludedMetadatas(dto).length === 0 &&
      properties.every(
        (property) =>
          storage.findTypeMetadata(dto, property) === undefined &&
          storage.findTransformMetadatas(dto, property, 0 /* PLAIN_TO_CLASS */).length === 0,
      );
    plainDtos.set(dto, plain);
  }
  return plain;
}

/**
 * The input as an instance of the DTO. For a DTO without class-transformer decorators, copying the
 * fields is all `plainToInstance` would do, at a fraction of its cost (the reservation hot path). Keys
 * are defined as data, never assigned through a setter such as `__proto__`.
 */
function toInstance<T extends object>(dto: new () => T, input: object): T {
  if (!isPlainDto(dto)) return plainToInstance(dto, input);
  const instance = new dto();
  for (const [key, value] of Object.entries(input)) {
    Object.defineProperty(instance, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return instance;
}

/** Keys that would reach an object's prototype machinery rather than a field: refused outright. */
const reservedKeys = ['constructor', '__proto__', 'prototype'];

function refuseReservedKeys(input: object, where: 'body' | 'query'): void {
  const problems = reservedKeys
    .filter((key) => Object.hasOwn(input, key))
    .map((field) => ({ field, reasons: [`property ${field} should not exist`] }));
  if (problems.length === 0) return;
  const summary = problems.map((p) => `${p.field}: ${p.reasons.join(', ')}`).join('; ');
  throw new AppError('VALIDATION_ERROR', `Invalid request ${where}: ${summary}`, problems);
}

async function toValidated<T extends object>(
  dto: new () => T,
  input: unknown,
  where: 'body' | 'query',
): Promise<T> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new AppError('VALIDATION_ERROR', `The request ${where} must be a JSON object`);
  }
  refuseReservedKeys(input, where);
  const instance = toInstance(dto, input);
  // Every validator of ours is synchronous: validateSync saves the promise per property.
  const errors = validateSync(instance, {
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
