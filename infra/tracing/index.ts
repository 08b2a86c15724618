export { attr, messagingOperations, productAttr, semconvSchemaUrl, systems } from './semconv';
export {
  contextOf,
  inSpan,
  insideRecordedSpan,
  linksTo,
  recordFailure,
  setTracingActive,
  traceparentFor,
  traceparentOf,
  tracer,
  tracingActive,
} from './tracing';
