import type { RequestHandler, Response } from 'express';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { AppError } from '../../../domain/shared';
import { errorBody } from '../../http-edge';
import type { Logger } from '../../logging';
import type { OpenApiDocument } from './openapi-document';

type Route = {
  readonly method: string;
  readonly path: string;
  readonly pattern: RegExp;
  readonly literal: number;
};

const pointerSegment = (segment: string) =>
  encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'));

/** `/api/v1/bookings/{id}` → a pattern for the raw request path; more literal segments match first. */
function routesOf(document: OpenApiDocument): Route[] {
  const routes = Object.entries(document.paths).flatMap(([path, item]) => {
    const source = path
      .split('/')
      .map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('/');
    const literal = path.split('/').filter((segment) => !segment.startsWith('{')).length;
    return Object.keys(item).map((method) => ({
      method,
      path,
      pattern: new RegExp(`^${source}/?$`),
      literal,
    }));
  });
  return routes.sort((a, b) => b.literal - a.literal);
}

export type ResponseCheck = (
  method: string,
  rawPath: string,
  status: number,
  body: unknown,
) => string | undefined;

/**
 * Checks an answer against the document: the operation the request meant (by method and path), a
 * status it documents, and a body that matches that status's schema. Requests no operation serves
 * are held to the error envelope. Answers the problem, or undefined when the answer conforms.
 */
export function responseChecker(document: OpenApiDocument): ResponseCheck {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema(document as unknown as object, 'api');
  const routes = routesOf(document);
  const validators = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string) => {
    let validate = validators.get(pointer);
    if (!validate) validators.set(pointer, (validate = ajv.compile({ $ref: `api#${pointer}` })));
    return validate;
  };
  return (method, rawPath, status, body) => {
    const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    const onPath = routes.filter((route) => route.pattern.test(rawPath));
    const route = onPath.find((candidate) => candidate.method === verb);
    let pointer = '/components/schemas/ErrorEnvelope';
    if (!route && status < 400) return `no operation of the document describes ${method} ${rawPath}`;
    if (route) {
      const operation = document.paths[route.path]![route.method] as {
        responses: Record<string, { content?: unknown }>;
      };
      const response = operation.responses[String(status)];
      if (!response)
        return `${status} is not a documented answer of ${route.method.toUpperCase()} ${route.path}`;
      if (!response.content)
        return `${status} of ${route.method.toUpperCase()} ${route.path} documents no body`;
      pointer = [
        '',
        'paths',
        route.path,
        route.method,
        'responses',
        String(status),
        'content',
        'application/json',
        'schema',
      ]
        .map(pointerSegment)
        .join('/');
    }
    const validate = validatorAt(pointer);
    if (validate(body)) return undefined;
    const where = route ? `${route.method.toUpperCase()} ${route.path}` : `${method} ${rawPath}`;
    return `${status} of ${where} does not match the document: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`;
  };
}

/**
 * Holds every JSON answer to the document (`API_RESPONSE_VALIDATION=on`, as the test suites run): an
 * answer that drifted becomes a 500 that says how, and an error in the log, so the suite that caused
 * it fails where it happened.
 */
export function validateResponses(document: OpenApiDocument, logger: Logger): RequestHandler {
  const check = responseChecker(document);
  return (req, res, next) => {
    const json = res.json.bind(res) as (body: unknown) => Response;
    res.json = (body: unknown) => {
      const problem = check(req.method, req.originalUrl.split('?')[0]!, res.statusCode, body);
      if (problem === undefined) return json(body);
      logger.error('response does not match the OpenAPI document', { problem });
      res.status(500);
      return json(errorBody(new AppError('INTERNAL_ERROR', problem)));
    };
    next();
  };
}
