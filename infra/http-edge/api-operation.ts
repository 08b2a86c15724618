import type { ErrorCode } from '../../domain/shared';
import type { Role } from '../ports/auth';
import type { ApiSchemaName } from './api-schemas.generated';

export type { ApiSchemaName };

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call: anyone (a bearer token is optional), any signed-in user, or these roles (admin implied). */
export type ApiAccess = 'public' | 'signed-in' | readonly Role[];

/** A request header an operation reads. */
export type ApiRequestHeader = 'Idempotency-Key' | 'Queue-Pass' | 'If-None-Match';

/** A response header an operation sets on its success answers. */
export type ApiResponseHeader = 'ETag' | 'Idempotent-Replayed' | 'RateLimit';

export type ApiSuccess =
  /** The envelope `{ success: true, data, meta? }`; `data: [Name]` is an array of Name. */
  | {
      readonly description: string;
      readonly data: ApiSchemaName | readonly [ApiSchemaName];
      readonly meta?: ApiSchemaName;
      readonly headers?: readonly ApiResponseHeader[];
    }
  /** No body (304, 204). */
  | { readonly description: string; readonly empty: true; readonly headers?: readonly ApiResponseHeader[] }
  /** A body that is not the envelope (the OpenAPI document itself). */
  | { readonly description: string; readonly raw: ApiSchemaName | 'object' };

export type ApiPathParameter = {
  readonly description: string;
  readonly format?: 'uuid';
  /** An ECMA-262 pattern the whole value must match, and its longest length. */
  readonly pattern?: string;
  readonly maxLength?: number;
};

/**
 * One endpoint as the published API describes it, declared beside the router that serves it and mounted
 * with it (`ApiRoute.operations`). The OpenAPI document is built from these and the DTO classes; a test
 * compares them with express's routing table, and the HTTP suites check every answer against them.
 */
export type ApiOperation = {
  readonly method: HttpMethod;
  /** Express-style, relative to the router's mount point: `/:id/pay`. */
  readonly path: string;
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly access: ApiAccess;
  readonly params?: Readonly<Record<string, ApiPathParameter>>;
  /** The class-validator DTO of the query string. */
  readonly query?: new () => object;
  /** The class-validator DTO of the JSON body. */
  readonly body?: new () => object;
  readonly headers?: readonly ApiRequestHeader[];
  readonly responses: Readonly<Partial<Record<number, ApiSuccess>>>;
  /**
   * The error codes this operation answers besides those every one may: VALIDATION_ERROR (400),
   * UNAUTHORIZED (401), PAYLOAD_TOO_LARGE (413), SERVICE_UNAVAILABLE (503), and FORBIDDEN (403) when
   * roles are required.
   */
  readonly errors: readonly ErrorCode[];
};
