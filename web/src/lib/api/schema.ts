/**
 * The API's shapes as the server declares them: `openapi.d.ts` is generated (`npm run openapi`) from
 * `docs/openapi.json`, which the server code generates. The web app's API types are aliases of these, so
 * a change of the server's answers shows up here as a type error instead of a page reading a field the
 * server no longer sends.
 */
import type { components, operations } from './openapi';

export type Schemas = components['schemas'];

type OperationId = keyof operations;
type Json<Part> = Part extends { content: { 'application/json': infer Body } } ? Body : never;
type Responses<Id extends OperationId> = operations[Id]['responses'];
/** The envelope `{ success: true, data, meta? }` of an operation's 2xx answers. */
type Success<Id extends OperationId> = Json<Responses<Id>[keyof Responses<Id> & (200 | 201 | 202)]>;

/** What an operation answers in `data`. */
export type Data<Id extends OperationId> = Success<Id> extends { data: infer D } ? D : never;
/** What an operation answers in `meta` (`undefined` when it has none). */
export type Meta<Id extends OperationId> = Success<Id> extends { meta: infer M } ? M : undefined;
/** An operation's JSON request body. */
export type Body<Id extends OperationId> = Json<NonNullable<operations[Id]['requestBody']>>;
/** An operation's query parameters. */
export type Query<Id extends OperationId> = NonNullable<operations[Id]['parameters']['query']>;
