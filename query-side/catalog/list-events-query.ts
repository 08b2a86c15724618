// class-transformer's @Type reads decorator metadata through the Reflect API at class definition; load
// it here rather than rely on something else (inversify) having loaded it first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { maxPage } from '../../infra/http-edge';

export const defaultPageSize = 20;
export const maxPageSize = 100;

/**
 * `GET /events?search=&category=&page=&pageSize=`. Numbers are converted by `@Type`: implicit
 * conversion needs decorator metadata, which esbuild (tsx) does not emit.
 */
export class ListEventsQuery {
  @IsOptional() @IsString() @MaxLength(200) search?: string;
  @IsOptional() @IsString() @MaxLength(50) category?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxPage) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxPageSize) pageSize?: number;
}
