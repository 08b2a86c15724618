export { requestMetadata } from './event-metadata';
export { principalOf, requireRole, requireUser, setPrincipal } from './principal';
export {
  accepted,
  created,
  errorBody,
  maxPage,
  ok,
  pageMeta,
  sendData,
  sendError,
  type ErrorBody,
  type PageMeta,
  type SuccessBody,
} from './responses';
export { validateBody, validateQuery, type FieldProblem } from './validate';
export type {
  ApiAccess,
  ApiOperation,
  ApiPathParameter,
  ApiRequestHeader,
  ApiResponseHeader,
  ApiSchemaName,
  ApiSuccess,
  HttpMethod,
} from './api-operation';
