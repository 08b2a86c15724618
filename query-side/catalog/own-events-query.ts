// @Type needs the Reflect API at class definition (see list-events-query.ts).
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { EventStatus } from '../../domain/catalog';
import { maxPage } from '../../infra/http-edge';
import { maxPageSize } from './list-events-query';

const statuses: readonly EventStatus[] = ['draft', 'published', 'cancelled'];

/** `GET /organizer/events?status=&page=&pageSize=`: the same paging as `GET /events`. */
export class OwnEventsQuery {
  @IsOptional() @IsIn(statuses) status?: EventStatus;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxPage) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxPageSize) pageSize?: number;
}
