import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express, { Router, type ErrorRequestHandler } from 'express';
import { routeTemplateOf } from './route-template';

describe('routeTemplateOf', () => {
  const seen: Array<string | undefined> = [];
  let server: Server;
  let base: string;

  before(async () => {
    const app = express();
    app.use((req, res, next) => {
      res.once('finish', () => seen.push(routeTemplateOf(req)));
      next();
    });
    const bookings = Router()
      .get('/', (_req, res) => void res.send('list'))
      .get('/:id', (_req, res) => void res.send('one'))
      .post('/:id/pay', (_req, _res, next) => next(new Error('refused')));
    const identity = Router().use(
      '/auth',
      Router().post('/login', (_req, _res, next) => next(new Error('no'))),
    );
    app.get('/health', (_req, res) => void res.send('ok'));
    app.get('/', (_req, res) => void res.send('home'));
    app.use('/api/v1/bookings', bookings);
    app.use('/api/v1', identity);
    const refusals: ErrorRequestHandler = (_error, _req, res, _next) => void res.status(409).send('refused');
    app.use(refusals);
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  const templateOf = async (method: string, path: string) => {
    const before = seen.length;
    await (await fetch(`${base}${path}`, { method })).text();
    while (seen.length === before) await new Promise((resolve) => setImmediate(resolve));
    return seen.at(-1);
  };

  it('names a router’s root by its mount path, and a parameter by its name, never the value', async () => {
    assert.equal(await templateOf('GET', '/api/v1/bookings'), '/api/v1/bookings');
    assert.equal(await templateOf('GET', '/api/v1/bookings/'), '/api/v1/bookings');
    assert.equal(await templateOf('GET', '/api/v1/bookings/b-123?expand=1'), '/api/v1/bookings/:id');
  });

  it('keeps the whole template for requests refused through next(error), nested routers included', async () => {
    assert.equal(await templateOf('POST', '/api/v1/bookings/b-123/pay'), '/api/v1/bookings/:id/pay');
    assert.equal(await templateOf('POST', '/api/v1/auth/login'), '/api/v1/auth/login');
  });

  it('names routes at the root by their own path', async () => {
    assert.equal(await templateOf('GET', '/health'), '/health');
    assert.equal(await templateOf('GET', '/'), '/');
  });

  it('names nothing for a request no route matched', async () => {
    assert.equal(await templateOf('GET', '/api/v1/nothing/here'), undefined);
  });
});
