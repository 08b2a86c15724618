import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { JsonSchema } from './response-schemas';

/**
 * Validators class-validator-jsonschema does not know (the project's own `ValidateBy`s and newer ones of
 * class-validator), described the way a client needs to know them.
 */
const customValidators: Readonly<Record<string, JsonSchema>> = {
  isISO4217CurrencyCode: { type: 'string', pattern: '^[A-Z]{3}$', description: 'An ISO 4217 currency code' },
  isInstant: {
    type: 'string',
    format: 'date-time',
    description: 'An ISO 8601 date and time with a zone (Z or an offset), e.g. 2030-06-01T19:00:00Z',
  },
  isFeedCursor: { type: 'string', description: 'A `meta.next` value of this feed' },
  isNotificationCursor: { type: 'string', description: 'A `meta.next` value of this list' },
};

function customValidation(meta: ValidationMetadata): JsonSchema {
  const constraints = getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls);
  const name = constraints[0]?.name ?? '';
  const schema = customValidators[name];
  if (!schema) throw new Error(`No JSON Schema is known for the validator ${name}: add it to dto-schemas.ts`);
  return schema;
}

/**
 * The JSON Schema of every class-validator DTO, by class name (class-validator-jsonschema, with the
 * project's own validators added). Read from the decorators the requests are validated with.
 */
export function dtoSchemas(): Record<string, JsonSchema> {
  const schemas = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
    additionalConverters: { [ValidationTypes.CUSTOM_VALIDATION]: customValidation },
  }) as Record<string, JsonSchema>;
  // validateBody and validateQuery refuse properties a DTO does not declare (forbidNonWhitelisted).
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, { ...schema, additionalProperties: false }]),
  );
}
