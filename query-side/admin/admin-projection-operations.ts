import type { ApiOperation } from '../../infra/http-edge';

/** What `adminProjectionRoutes` serves, for the OpenAPI document (mounted at the API root). */
export const adminProjectionOperations: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/admin/projections',
    operationId: 'listProjections',
    tag: 'Admin',
    summary: 'List the projections and how far behind they are',
    description:
      'The SQL projections, the booking saga and the document projections this process runs: each ' +
      'one’s status, position against the head of the log, and the progress of a rebuild under way.',
    access: ['admin'],
    responses: { 200: { description: 'The projections', data: ['ProjectionView'] } },
    errors: [],
  },
  {
    method: 'post',
    path: '/admin/projections/:name/rebuild',
    operationId: 'rebuildProjection',
    tag: 'Admin',
    summary: 'Rebuild a projection from the first event',
    description:
      'Builds a new generation beside the live one, which keeps answering reads, and swaps it in once it ' +
      'has caught up. Answers as soon as the rebuild has begun; follow it in `GET /admin/projections`. ' +
      '409 INVALID_STATE while it is already rebuilding, or when it does not run in this process ' +
      '(`standby`, `stopped`).',
    access: ['admin'],
    params: { name: { description: 'The projection, by the name the list gives it' } },
    responses: { 202: { description: 'The rebuild has begun', data: 'ProjectionRebuildStarted' } },
    errors: ['NOT_FOUND', 'INVALID_STATE'],
  },
];
