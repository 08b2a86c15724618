export { apiBase, createApiClient, type ApiClient, type RequestOptions, type Revalidated } from './client';
export { endpoints, type Endpoints } from './endpoints';
export { query } from './query';
export { fieldErrors, readEnvelope, type ApiError, type ApiResult, type ErrorCode } from './result';
export type { Body, Data, Meta, Query, Schemas } from './schema';
export { TokenStore, webLock, type CrossTabLock, type KeyValueStorage, type TokenPair } from './token-store';
export type * from './types';
export type {
  QueueOdds,
  QueuePass,
  QueuePhase,
  QueueState,
  QueueStatus,
  WaitingRoomLive,
  WaitingRoomSettings,
} from './waiting-room';
