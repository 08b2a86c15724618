// class-transformer's @Type reads decorator metadata through the Reflect API at class definition; load
// it here rather than rely on something else (inversify) having loaded it first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const defaultRealtimeMinutes = 60;
export const maxRealtimeMinutes = 1440;
export const defaultDailyDays = 30;
export const maxDailyDays = 366;
export const defaultDashboardEvents = 20;
export const maxDashboardEvents = 100;

const dayPattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dayMessage = (field: string) => `${field} must be a date as YYYY-MM-DD`;

/** `GET /analytics/dashboard?eventId=&limit=`: `limit` caps the per-event rows, not the totals. */
export class DashboardQuery {
  @IsOptional() @IsString() @MaxLength(100) eventId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxDashboardEvents) limit?: number;
}

/** `GET /analytics/events/:id/realtime?minutes=&zoneId=` */
export class RealtimeQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxRealtimeMinutes) minutes?: number;
  @IsOptional() @IsString() @MaxLength(100) zoneId?: string;
}

/** `GET /analytics/events/:id/daily?from=&to=&zoneId=` (UTC days, both inclusive). */
export class DailyQuery {
  @IsOptional() @IsString() @Matches(dayPattern, { message: dayMessage('from') }) from?: string;
  @IsOptional() @IsString() @Matches(dayPattern, { message: dayMessage('to') }) to?: string;
  @IsOptional() @IsString() @MaxLength(100) zoneId?: string;
}
