export { attr, semconvSchemaUrl, systems } from './semconv';
export {
  contextOf,
  inSpan,
  linksTo,
  recordFailure,
  setTracingActive,
  traceparentFor,
  traceparentOf,
  tracer,
  tracingActive,
} from './tracing';
