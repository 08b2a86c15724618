import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';
import { refuseUnstorable } from './storable-json';

/** `application/json`, bare or with `charset=utf-8`: the shape every JSON client sends. */
const plainJson = /^application\/json(?:\s*;\s*charset="?utf-8"?)?$/i;

/** An error shaped like body-parser's, so the error handler answers it the same way. */
const bodyError = (message: string, type: string, status: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { type, status, expose: true, ...extra });

/**
 * JSON request bodies. The common case — `application/json` in UTF-8, no `Content-Encoding`, a
 * `Content-Length` within the limit — is read and parsed here; anything else (chunked, compressed,
 * another charset, another type) goes to `express.json`, so its answers there stay body-parser's. On the
 * reservation path body-parser's general machinery (type-is, content-type, iconv, raw-body) costs about
 * as much as validating the DTO. Like body-parser: an empty body is `{}`, only an object or an array is
 * accepted at the top, a leading byte-order mark is dropped. Either way the parsed body is then checked
 * (`refuseUnstorable`) before any handler sees it.
 */
export function jsonBody(limitBytes: number): RequestHandler {
  const bodyParser = express.json({ limit: limitBytes });
  const general: RequestHandler = (req, res, next) =>
    bodyParser(req, res, (error?: unknown) => (error ? next(error) : refuseUnstorable(req.body, next)));
  return (req, res, next) => {
    const { headers } = req;
    const type = headers['content-type'];
    const length = headers['content-length'];
    const simple =
      type !== undefined &&
      length !== undefined &&
      headers['content-encoding'] === undefined &&
      headers['transfer-encoding'] === undefined &&
      (type === 'application/json' || plainJson.test(type));
    if (!simple) return general(req, res, next);
    const expected = Number(length);
    if (!Number.isSafeInteger(expected) || expected < 0) return general(req, res, next);
    if (expected > limitBytes) {
      return next(
        bodyError('request entity too large', 'entity.too.large', 413, {
          limit: limitBytes,
          length: expected,
        }),
      );
    }
    readBody(req, expected, (error, text) => {
      if (error) return next(error);
      try {
        req.body = parseJson(text!);
      } catch (parseError) {
        return next(parseError);
      }
      refuseUnstorable(req.body, next);
    });
  };
}

function readBody(req: IncomingMessage, expected: number, done: (error?: Error, text?: string) => void) {
  const chunks: Buffer[] = [];
  let received = 0;
  let finished = false;
  const finish = (error?: Error, text?: string) => {
    if (finished) return;
    finished = true;
    req.removeListener('data', onData);
    req.removeListener('end', onEnd);
    req.removeListener('error', onError);
    req.removeListener('aborted', onAborted);
    done(error, text);
  };
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received > expected) {
      req.pause();
      finish(bodyError('request size did not match content length', 'request.size.invalid', 400));
    } else chunks.push(chunk);
  };
  const onEnd = () => {
    if (received !== expected) {
      return finish(bodyError('request size did not match content length', 'request.size.invalid', 400));
    }
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received);
    finish(undefined, body.toString('utf8'));
  };
  const onError = (error: Error) => finish(error);
  const onAborted = () => finish(bodyError('request aborted', 'request.aborted', 400));
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onError);
  req.on('aborted', onAborted);
}

function parseJson(raw: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.length === 0) return {};
  if (!startsWithContainer(text)) {
    throw bodyError('Unexpected token: only an object or an array is accepted', 'entity.parse.failed', 400);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw bodyError((error as Error).message, 'entity.parse.failed', 400);
  }
}

/** True when the first character that is not JSON whitespace opens an object or an array. */
function startsWithContainer(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) continue;
    return code === 0x7b /* { */ || code === 0x5b; /* [ */
  }
  return false;
}
