export { apiBasePath, apiVersion, createHttpApp, type ApiRoute, type HttpAppOptions } from './create-app';
export { correlationHeader, correlationId } from './correlation-id';
export { errorHandler, notFound } from './error-handler';
export {
  healthRoutes,
  runReadinessChecks,
  type CheckResult,
  type ReadinessCheck,
  type ReadinessReport,
} from './readiness';
export { traceRequests } from './trace-requests';
export { defaultWebBuildDir, webApp } from './web-app';
