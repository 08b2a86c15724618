export { apiBasePath, createHttpApp, type ApiRoute, type HttpAppOptions } from './create-app';
export { correlationHeader, correlationId } from './correlation-id';
export { errorHandler, notFound } from './error-handler';
export {
  healthRoutes,
  runReadinessChecks,
  type CheckResult,
  type ReadinessCheck,
  type ReadinessReport,
} from './readiness';
export {
  accepted,
  created,
  errorBody,
  ok,
  pageMeta,
  sendData,
  sendError,
  type ErrorBody,
  type PageMeta,
  type SuccessBody,
} from '../ports/http';
export { traceRequests } from './trace-requests';
