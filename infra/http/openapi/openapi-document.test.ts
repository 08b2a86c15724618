import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { ApiOperation } from '../../http-edge';
import { buildOpenApiDocument, openApiPath } from './openapi-document';

class RefundWidgetDto {
  @IsString()
  name!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  size?: number;
}

class WidgetPageQuery {
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;
}

const pay: ApiOperation = {
  method: 'post',
  path: '/:id/refund',
  operationId: 'refundWidget',
  tag: 'Widgets',
  summary: 'Refund a widget',
  access: ['organizer'],
  params: { id: { description: 'The widget', format: 'uuid' } },
  body: RefundWidgetDto,
  headers: ['Idempotency-Key'],
  responses: { 202: { description: 'Accepted', data: 'PaymentAccepted', headers: ['Idempotent-Replayed'] } },
  errors: ['NOT_FOUND', 'INVALID_STATE', 'CONCURRENCY_CONFLICT', 'RATE_LIMITED'],
};

const list: ApiOperation = {
  method: 'get',
  path: '/',
  operationId: 'listWidgets',
  tag: 'Widgets',
  summary: 'List widgets',
  access: 'public',
  query: WidgetPageQuery,
  responses: { 200: { description: 'A page', data: ['BookingView'] } },
  errors: [],
};

const document = buildOpenApiDocument('/api/v1', [{ path: '/widgets', operations: [pay, list] }], {
  version: '1.2.3',
});
type Operation = {
  parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<
    string,
    { description: string; headers?: object; content?: Record<string, { schema: unknown }> }
  >;
  security: unknown[];
  description: string;
};
const operation = (path: string, method: string) => document.paths[path]![method] as unknown as Operation;
/** The value at `keys` inside a schema. */
const dig = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce((inner, key) => (inner as Record<string, unknown>)[key], value);

describe('the OpenAPI document', () => {
  it('turns express paths into OpenAPI paths under the base path', () => {
    assert.equal(openApiPath('/api/v1', '/bookings', '/'), '/api/v1/bookings');
    assert.equal(openApiPath('/api/v1', '', '/events/:id/shows'), '/api/v1/events/{id}/shows');
    assert.deepEqual(Object.keys(document.paths), ['/api/v1/widgets', '/api/v1/widgets/{id}/refund']);
  });

  it('describes parameters, headers and the body from the operation and its DTOs', () => {
    const refund = operation('/api/v1/widgets/{id}/refund', 'post');
    assert.deepEqual(
      refund.parameters!.map(({ name, in: place, required }) => [name, place, required]),
      [
        ['id', 'path', true],
        ['Idempotency-Key', 'header', true],
      ],
    );
    assert.equal(refund.parameters![0]!.schema.format, 'uuid');
    assert.equal(refund.requestBody!.required, true);
    const dto = document.components.schemas.RefundWidgetDto;
    assert.deepEqual(dig(dto, 'required'), ['name']);
    assert.equal(dig(dto, 'additionalProperties'), false, 'unknown properties are refused');
    // @IsOptional() lets null through too.
    assert.deepEqual(dig(dto, 'properties', 'size'), {
      anyOf: [{ type: 'integer', minimum: 1, maximum: 9 }, { type: 'null' }],
    });
    const query = operation('/api/v1/widgets', 'get').parameters!;
    assert.deepEqual(
      query.map(({ name, in: place, required }) => [name, place, required]),
      [['page', 'query', false]],
    );
  });

  it('answers every documented error code under its status, with the codes every operation may answer', () => {
    const responses = operation('/api/v1/widgets/{id}/refund', 'post').responses;
    const codes = (status: string) =>
      dig(
        responses[status]!.content!['application/json']!.schema,
        'properties',
        'error',
        'properties',
        'code',
        'enum',
      );
    assert.deepEqual(Object.keys(responses), ['202', '400', '401', '403', '404', '409', '413', '429', '503']);
    assert.deepEqual(codes('400'), ['VALIDATION_ERROR']);
    assert.deepEqual(codes('409'), ['CONCURRENCY_CONFLICT', 'INVALID_STATE']);
    assert.ok(responses['429']!.headers && 'Retry-After' in responses['429']!.headers);
    const listResponses = operation('/api/v1/widgets', 'get').responses;
    assert.deepEqual(Object.keys(listResponses), ['200', '400', '401', '413', '503']);
  });

  it('wraps data in the success envelope and refers to the response types', () => {
    const schema = operation('/api/v1/widgets', 'get').responses['200']!.content!['application/json']!.schema;
    assert.deepEqual(dig(schema, 'properties', 'data'), {
      type: 'array',
      items: { $ref: '#/components/schemas/BookingView' },
    });
    assert.deepEqual(dig(schema, 'required'), ['success', 'data']);
    assert.equal(dig(schema, 'additionalProperties'), false);
  });

  it('says who may call: public operations take a token optionally, role lists name the roles', () => {
    assert.deepEqual(operation('/api/v1/widgets', 'get').security, [{}, { bearerAuth: [] }]);
    const refund = operation('/api/v1/widgets/{id}/refund', 'post');
    assert.deepEqual(refund.security, [{ bearerAuth: [] }]);
    assert.match(refund.description, /Roles: organizer, admin\./);
  });

  it('holds only the schemas its operations reach', () => {
    const names = Object.keys(document.components.schemas);
    for (const name of [
      'BookingView',
      'BookingPaymentView',
      'PaymentAccepted',
      'RefundWidgetDto',
      'ErrorEnvelope',
    ])
      assert.ok(names.includes(name), name);
    assert.ok(!names.includes('ReserveSeatsDto'), 'a DTO no operation uses is left out');
  });

  it('refuses an operation whose path parameter is not described, and two with one id', () => {
    const undescribed = { ...pay, params: {} };
    assert.throws(
      () => buildOpenApiDocument('/api/v1', [{ path: '', operations: [undescribed] }], { version: '1' }),
      /describe the path parameter id/,
    );
    assert.throws(
      () =>
        buildOpenApiDocument('/api/v1', [{ path: '', operations: [list, { ...list, path: '/x' }] }], {
          version: '1',
        }),
      /Two operations are listWidgets/,
    );
  });
});
