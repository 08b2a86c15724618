import type { ApiOperation } from '../../../infra/http-edge';
import { ChangeRoleBody, LoginBody, ProfileBody, RefreshTokenBody, RegisterBody } from './dtos';

const signedIn = (description: string) => ({ description, data: 'SignedIn' }) as const;

const signInRules =
  'The access token lasts 15 minutes; the refresh token 7 days, and it rotates: each refresh answers a ' +
  'new pair and the old refresh token stops working.';

/** What `identityRouter` serves, for the OpenAPI document (mounted at the API root). */
export const identityOperations: readonly ApiOperation[] = [
  {
    method: 'post',
    path: '/auth/register',
    operationId: 'register',
    tag: 'Identity',
    summary: 'Create a customer account and sign in',
    description:
      'Passwords are 8–72 characters. Without `locale`, the Accept-Language header chooses the ' +
      "language of the account's e-mails (else `en`). Every attempt counts against its client address: " +
      `past the limit (SIGNUPS_PER_IP in 15 minutes) each one answers 429 with Retry-After. ${signInRules}`,
    access: 'public',
    body: RegisterBody,
    responses: { 201: signedIn('The new account, signed in') },
    errors: ['EMAIL_TAKEN', 'RATE_LIMITED', 'CONCURRENCY_CONFLICT'],
  },
  {
    method: 'post',
    path: '/auth/login',
    operationId: 'login',
    tag: 'Identity',
    summary: 'Sign in with e-mail and password',
    description:
      'A wrong password and an unknown address both answer 401. Failed attempts count per address and ' +
      'per client address; past the limit every attempt, even with the right password, answers 429 with ' +
      `Retry-After until the window frees up. ${signInRules}`,
    access: 'public',
    body: LoginBody,
    responses: { 200: signedIn('Signed in') },
    errors: ['RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/auth/refresh',
    operationId: 'refreshSession',
    tag: 'Identity',
    summary: 'Exchange a refresh token for a new pair',
    description:
      'The presented refresh token stops working. Presenting one that was already exchanged signs out ' +
      'the whole sign-in (401): its refresh token and access tokens stop working too.',
    access: 'public',
    body: RefreshTokenBody,
    responses: { 200: signedIn('A new access token and refresh token') },
    errors: ['CONCURRENCY_CONFLICT'],
  },
  {
    method: 'post',
    path: '/auth/logout',
    operationId: 'logout',
    tag: 'Identity',
    summary: 'Sign out',
    description:
      "Ends the sign-in the refresh token belongs to (it must be the caller's): its refresh token and " +
      'every access token of it answer 401 from now on. Signing out again answers 200.',
    access: 'signed-in',
    body: RefreshTokenBody,
    responses: { 200: { description: 'Signed out', data: 'LoggedOut' } },
    errors: ['CONCURRENCY_CONFLICT'],
  },
  {
    method: 'get',
    path: '/auth/me',
    operationId: 'getMe',
    tag: 'Identity',
    summary: 'The signed-in account',
    access: 'signed-in',
    responses: { 200: { description: 'The account', data: 'UserView' } },
    errors: ['NOT_FOUND'],
  },
  {
    method: 'put',
    path: '/auth/me',
    operationId: 'updateMe',
    tag: 'Identity',
    summary: 'Change your name or e-mail language',
    description: 'Send `name`, `locale` or both.',
    access: 'signed-in',
    body: ProfileBody,
    responses: { 200: { description: 'The account, changed', data: 'UserView' } },
    errors: ['NOT_FOUND', 'CONCURRENCY_CONFLICT'],
  },
  {
    method: 'put',
    path: '/admin/users/:id/role',
    operationId: 'changeUserRole',
    tag: 'Identity',
    summary: "Set a user's role",
    description:
      "The user's access tokens that carry another role answer 401 from now on. An admin may not " +
      'change their own role (409 INVALID_STATE).',
    access: ['admin'],
    params: { id: { description: 'The user', format: 'uuid' } },
    body: ChangeRoleBody,
    responses: { 200: { description: 'The user, with the new role', data: 'UserView' } },
    errors: ['NOT_FOUND', 'INVALID_STATE', 'CONCURRENCY_CONFLICT'],
  },
];
