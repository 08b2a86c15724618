import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { CurrencyCodes } from 'validator/lib/isISO4217';
import { checkpointPattern } from '../../../query-side/admin/admin-queries';
import { notificationCursorPattern } from '../../../query-side/notifications/notification-cursor';
import type { JsonSchema } from './response-schemas';

/**
 * Validators class-validator-jsonschema does not know (the project's own `ValidateBy`s and newer ones of
 * class-validator), described the way a client needs to know them.
 */
const customValidators: Readonly<Record<string, JsonSchema>> = {
  // The codes class-validator's own check accepts (validator.js's list).
  isISO4217CurrencyCode: {
    type: 'string',
    enum: [...CurrencyCodes].sort(),
    description: 'An ISO 4217 currency code',
  },
  isInstant: {
    type: 'string',
    format: 'date-time',
    description: 'An ISO 8601 date and time with a zone (Z or an offset), e.g. 2030-06-01T19:00:00Z',
  },
  isFeedCursor: {
    anyOf: [{ const: '' }, { type: 'string', pattern: checkpointPattern.source }],
    description: 'A `meta.next` value of this feed; empty for the start of the log',
  },
  isNotificationCursor: {
    type: 'string',
    pattern: notificationCursorPattern.source,
    description: 'A `meta.next` value of this list (opaque)',
  },
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
  allowNullWhereOptional(schemas);
  // validateBody and validateQuery refuse properties a DTO does not declare (forbidNonWhitelisted).
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, { ...schema, additionalProperties: false }]),
  );
}

type Properties = Record<string, JsonSchema>;

/**
 * `@IsOptional()` lets null through as well as a missing property (the project's `Optional()` does not),
 * which the schemas class-validator-jsonschema writes do not say.
 */
function allowNullWhereOptional(schemas: Record<string, JsonSchema>): void {
  // The same registry class-validator-jsonschema reads; class-validator keeps it private.
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<{ readonly name: string }, ValidationMetadata[]>;
  };
  for (const [target, metadatas] of storage.validationMetadatas) {
    const properties = schemas[target.name]?.properties as Properties | undefined;
    if (!properties) continue;
    for (const { name, propertyName } of metadatas) {
      const property = properties[propertyName];
      if (name === 'isOptional' && property)
        properties[propertyName] = { anyOf: [property, { type: 'null' }] };
    }
  }
}
