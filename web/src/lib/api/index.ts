export { apiBase, createApiClient, type ApiClient, type RequestOptions } from './client';
export { endpoints, type Endpoints } from './endpoints';
export { fieldErrors, readEnvelope, type ApiError, type ApiResult } from './result';
export { TokenStore, type KeyValueStorage, type TokenPair } from './token-store';
export type * from './types';
