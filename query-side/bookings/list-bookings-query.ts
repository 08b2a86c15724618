// class-transformer's @Type reads decorator metadata through the Reflect API at class definition; load
// it here rather than rely on something else (inversify) having loaded it first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { BookingStatus } from '../../domain/booking';
import { maxPage } from '../../infra/http-edge';

export const defaultPageSize = 20;
export const maxPageSize = 100;
export const bookingStatuses = [
  'reserved',
  'confirmed',
  'cancelled',
  'expired',
  'refunded',
] as const satisfies readonly BookingStatus[];

/**
 * `GET /bookings?status=&page=&pageSize=`. `status` is the status a client sees: `reserved` are live
 * holds only, `expired` includes holds past their expiry. Numbers are converted by `@Type`: implicit
 * conversion needs decorator metadata, which esbuild (tsx) does not emit.
 */
export class ListBookingsQuery {
  @IsOptional() @IsIn(bookingStatuses) status?: BookingStatus;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxPage) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxPageSize) pageSize?: number;
}
