import { errorCodes, type ErrorCode } from '../../../domain/shared';
import type { ApiOperation, ApiRequestHeader, ApiResponseHeader, ApiSuccess } from '../../http-edge';
import { apiSchemas } from '../../http-edge/api-schemas.generated';
import { dtoSchemas } from './dto-schemas';
import type { JsonSchema } from './response-schemas';

/** Operations as mounted: the router's mount point under the API's base path, and what it serves. */
export type MountedOperations = { readonly path: string; readonly operations: readonly ApiOperation[] };

export type OpenApiDocument = {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly servers: readonly { readonly url: string }[];
  readonly tags: readonly { readonly name: string }[];
  readonly paths: Record<string, Record<string, JsonSchema>>;
  readonly components: {
    readonly schemas: Record<string, JsonSchema>;
    readonly securitySchemes: Record<string, JsonSchema>;
  };
};

/** `/api/v1` + `/bookings` + `/:id/pay` → `/api/v1/bookings/{id}/pay` (no trailing slash). */
export function openApiPath(basePath: string, mount: string, path: string): string {
  const joined = `${basePath}${mount}${path}`.replace(/\/+$/, '');
  return joined.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** The errors every operation may answer, besides its own. */
function errorsOf(operation: ApiOperation): ErrorCode[] {
  // Any request may carry a body the JSON parser refuses as too large, whether the operation reads one or not.
  const codes = new Set<ErrorCode>([
    'VALIDATION_ERROR',
    'UNAUTHORIZED',
    'PAYLOAD_TOO_LARGE',
    'SERVICE_UNAVAILABLE',
  ]);
  if (Array.isArray(operation.access)) codes.add('FORBIDDEN');
  for (const code of operation.errors) codes.add(code);
  return [...codes];
}

function errorEnvelope(codes: readonly ErrorCode[]): JsonSchema {
  return {
    type: 'object',
    required: ['success', 'error'],
    additionalProperties: false,
    properties: {
      success: { const: false },
      error: {
        type: 'object',
        required: ['code', 'message'],
        additionalProperties: false,
        properties: {
          code: { enum: [...codes].sort() },
          message: { type: 'string' },
          details: {
            description: 'What was wrong, when the code has more to say (a list of fields, a limit…)',
          },
        },
      },
    },
  };
}

const responseHeaders: Record<ApiResponseHeader, Record<string, JsonSchema>> = {
  ETag: { ETag: { description: 'Send it back as If-None-Match', schema: { type: 'string' } } },
  'Idempotent-Replayed': {
    'Idempotent-Replayed': {
      description: '`true` when this is the stored answer of an earlier request with the same key',
      schema: { type: 'string', enum: ['true'] },
    },
  },
  RateLimit: {
    'X-RateLimit-Limit': { description: 'The bucket size', schema: { type: 'string' } },
    'X-RateLimit-Remaining': { description: 'Whole tokens left in the bucket', schema: { type: 'string' } },
    'X-RateLimit-Reset': {
      description: 'Seconds until the bucket is full again',
      schema: { type: 'string' },
    },
  },
};

function successResponse(success: ApiSuccess): JsonSchema {
  const headers = 'headers' in success ? (success.headers ?? []) : [];
  const headerObject = Object.assign({}, ...headers.map((header) => responseHeaders[header])) as JsonSchema;
  const withHeaders = headers.length > 0 ? { headers: headerObject } : {};
  if ('empty' in success) return { description: success.description, ...withHeaders };
  if ('raw' in success) {
    const schema = success.raw === 'object' ? { type: 'object' } : ref(success.raw);
    return { description: success.description, content: { 'application/json': { schema } } };
  }
  const data =
    typeof success.data === 'string' ? ref(success.data) : { type: 'array', items: ref(success.data[0]) };
  const schema = {
    type: 'object',
    required: success.meta ? ['success', 'data', 'meta'] : ['success', 'data'],
    additionalProperties: false,
    properties: { success: { const: true }, data, ...(success.meta ? { meta: ref(success.meta) } : {}) },
  };
  return { description: success.description, ...withHeaders, content: { 'application/json': { schema } } };
}

function errorResponses(operation: ApiOperation): Record<string, JsonSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorsOf(operation)) {
    const status = errorCodes[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, JsonSchema> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const retryAfter =
      status === 429 || status === 503
        ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'string' } } } }
        : {};
    responses[String(status)] = {
      description: codes.sort().join(', '),
      ...retryAfter,
      content: { 'application/json': { schema: errorEnvelope(codes) } },
    };
  }
  return responses;
}

const requestHeaders: Record<ApiRequestHeader, JsonSchema> = {
  'Idempotency-Key': {
    name: 'Idempotency-Key',
    in: 'header',
    required: true,
    description: 'Makes the write happen at most once per buyer and key; a retry gets the first answer',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  },
  'Queue-Pass': {
    name: 'Queue-Pass',
    in: 'header',
    required: false,
    description: "The waiting room's pass (`pass.token` of GET /events/{id}/queue) when the event has a room",
    schema: { type: 'string' },
  },
  'If-None-Match': {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'The ETag of the last answer: 304 while nothing changed',
    schema: { type: 'string' },
  },
};

type ObjectSchema = { properties?: Record<string, JsonSchema>; required?: string[]; minProperties?: number };

/** A query string has no null: an optional parameter is simply left out. */
function notNull(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf as JsonSchema[] | undefined;
  const kept = options?.filter((option) => option.type !== 'null');
  return kept?.length === 1 ? kept[0]! : schema;
}

function parameters(operation: ApiOperation, dtos: Record<string, JsonSchema>): JsonSchema[] {
  const path = [...operation.path.matchAll(/:([A-Za-z0-9_]+)/g)].map(([, name]) => {
    const param = operation.params?.[name!];
    if (!param) throw new Error(`${operation.operationId}: describe the path parameter ${name} in params`);
    const { format, pattern, maxLength } = param;
    const schema = {
      type: 'string',
      ...(format ? { format } : {}),
      ...(pattern ? { pattern } : {}),
      ...(maxLength ? { maxLength } : {}),
    };
    return { name, in: 'path', required: true, description: param.description, schema };
  });
  const queryDto = operation.query ? (dtos[operation.query.name] as ObjectSchema | undefined) : undefined;
  if (operation.query && !queryDto) throw new Error(`${operation.query.name} has no validation decorators`);
  const query = Object.entries(queryDto?.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: queryDto?.required?.includes(name) ?? false,
    schema: notNull(schema),
  }));
  const headers = (operation.headers ?? []).map((header) => requestHeaders[header]);
  return [...path, ...query, ...headers];
}

function accessOf(operation: ApiOperation): JsonSchema {
  if (operation.access === 'public') return { security: [{}, { bearerAuth: [] }] };
  const roles = operation.access === 'signed-in' ? [] : [...operation.access];
  return { security: [{ bearerAuth: [] }], ...(roles.length > 0 ? { 'x-roles': roles } : {}) };
}

function describeAccess(operation: ApiOperation): string {
  if (operation.access === 'public') return 'Public (a bearer token is optional).';
  if (operation.access === 'signed-in') return 'Any signed-in user.';
  const roles = operation.access.includes('organizer') ? [...operation.access, 'admin'] : operation.access;
  return `Roles: ${[...new Set(roles)].join(', ')}.`;
}

function operationObject(operation: ApiOperation, dtos: Record<string, JsonSchema>): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, success] of Object.entries(operation.responses)) {
    if (success) responses[status] = successResponse(success);
  }
  Object.assign(responses, errorResponses(operation));
  const bodySchema = operation.body ? (dtos[operation.body.name] as ObjectSchema | undefined) : undefined;
  if (operation.body && !bodySchema) throw new Error(`${operation.body.name} has no validation decorators`);
  const requestBody = operation.body
    ? {
        requestBody: {
          required: (bodySchema?.required?.length ?? 0) > 0 || (bodySchema?.minProperties ?? 0) > 0,
          content: { 'application/json': { schema: ref(operation.body.name) } },
        },
      }
    : {};
  const description = [operation.description, describeAccess(operation)].filter(Boolean).join('\n\n');
  const params = parameters(operation, dtos);
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description,
    ...accessOf(operation),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...requestBody,
    responses,
  };
}

/** The envelope of any error, for answers no operation documents (an unknown path, another method). */
const anyError = errorEnvelope(Object.keys(errorCodes) as ErrorCode[]);

/** The schemas `from` refers to, and those they refer to in turn: a document holds only what it uses. */
function reachable(schemas: Record<string, JsonSchema>, from: string): Record<string, JsonSchema> {
  const used = new Set<string>(['ErrorEnvelope']);
  const pending = [from];
  while (pending.length > 0) {
    for (const [, name] of pending.pop()!.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (used.has(name!) || !schemas[name!]) continue;
      used.add(name!);
      pending.push(JSON.stringify(schemas[name!]));
    }
  }
  return Object.fromEntries([...used].sort().map((name) => [name, schemas[name]!]));
}

/**
 * The OpenAPI 3.1 document of what an app mounts: paths from the operations declared beside the
 * routers, request schemas from their DTOs' decorators, response schemas from the response types.
 */
export function buildOpenApiDocument(
  basePath: string,
  mounted: readonly MountedOperations[],
  info: { readonly version: string },
): OpenApiDocument {
  const dtos = dtoSchemas();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const tags = new Set<string>();
  const operationIds = new Set<string>();
  for (const { path: mount, operations } of mounted) {
    for (const operation of operations) {
      if (operationIds.has(operation.operationId))
        throw new Error(`Two operations are ${operation.operationId}`);
      operationIds.add(operation.operationId);
      const path = openApiPath(basePath, mount, operation.path);
      const item = (paths[path] ??= {});
      if (item[operation.method]) throw new Error(`${operation.method} ${path} is described twice`);
      item[operation.method] = operationObject(operation, dtos);
      tags.add(operation.tag);
    }
  }
  const sortedPaths = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Booking Rush API',
      version: info.version,
      description:
        'Event-sourced ticketing for flash sales. Every answer is `{ success: true, data, meta? }` or ' +
        '`{ success: false, error: { code, message, details? } }`; error codes are stable. Writes that ' +
        'move money or seats take an Idempotency-Key.',
    },
    servers: [{ url: '/' }],
    tags: [...tags].sort().map((name) => ({ name })),
    paths: sortedPaths,
    components: {
      schemas: reachable(
        { ...(apiSchemas as Record<string, JsonSchema>), ...dtos, ErrorEnvelope: anyError },
        JSON.stringify(sortedPaths),
      ),
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
