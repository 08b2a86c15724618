import type { Response } from 'express';
import type { AppError, ErrorCode } from '../../domain/shared';

export type PageMeta = {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly totalPages: number;
};
export type SuccessBody<T> = {
  readonly success: true;
  readonly data: T;
  readonly meta?: Readonly<Record<string, unknown>>;
};
export type ErrorBody = {
  readonly success: false;
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details?: unknown };
};

/** Answers `{ success: true, data, meta? }` with `status` (200 unless given). */
export function sendData<T>(
  res: Response,
  data: T,
  options: { status?: number; meta?: Readonly<Record<string, unknown>> } = {},
): void {
  const body: SuccessBody<T> =
    options.meta === undefined ? { success: true, data } : { success: true, data, meta: options.meta };
  res.status(options.status ?? 200).json(body);
}

export const ok = <T>(res: Response, data: T, meta?: Readonly<Record<string, unknown>>): void =>
  sendData(res, data, { meta });
export const created = <T>(res: Response, data: T): void => sendData(res, data, { status: 201 });
export const accepted = <T>(res: Response, data: T): void => sendData(res, data, { status: 202 });

/** The last page a list serves: far past any real list, and small enough that the row offset stays exact. */
export const maxPage = 100_000;

export function pageMeta(page: number, pageSize: number, total: number): PageMeta {
  return { page, pageSize, total, totalPages: Math.ceil(total / pageSize) };
}

export function errorBody(error: AppError): ErrorBody {
  const { code, message, details } = error;
  return { success: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** Answers the error envelope with the status that belongs to the error's code. */
export function sendError(res: Response, error: AppError): void {
  res.status(error.status).json(errorBody(error));
}
