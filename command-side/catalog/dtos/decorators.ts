import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date and time with a zone (`Z` or an offset): a moment, never a local time. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && instantPattern.test(value) && Number.isFinite(Date.parse(value)),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO 8601 date and time with a zone, e.g. 2030-06-01T19:00:00Z`,
      },
    },
    options,
  );
}

/** May be left out; unlike `@IsOptional()`, an explicit null is still checked (and refused). */
export const Optional = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** Canonical UTC form of a validated instant. */
export const utc = (value: string): string => new Date(value).toISOString();
