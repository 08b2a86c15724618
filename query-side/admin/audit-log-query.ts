// class-transformer's @Type reads decorator metadata through the Reflect API at class definition; load
// it here rather than rely on something else (inversify) having loaded it first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export const defaultAuditLimit = 50;
export const maxAuditLimit = 500;

/** `meta.next` of a page: the time (ms) and event id of its last entry, `<ms>_<eventId>`. */
export const auditCursorPattern = /^(\d{1,15})_([\x21-\x7e]{1,200})$/;
/** Same rules as the event store's stream categories, event types and stream ids. */
const categoryPattern = /^[a-z][A-Za-z0-9]{0,49}$/;
const typePattern = /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/;
const printable = /^[\x21-\x7e]+$/;

/**
 * `GET /admin/audit-logs?userId=&action=&entityType=&entityId=&streamId=&correlationId=&from=&to=&limit=&after=`.
 * `from` is inclusive, `to` exclusive; `after` is the `meta.next` of the page before.
 */
export class AuditLogQuery {
  @IsOptional() @IsString() @Length(1, 200) userId?: string;

  @IsOptional()
  @IsString()
  @Matches(typePattern, { message: 'action must be an event type such as BookingReserved' })
  action?: string;

  @IsOptional()
  @IsString()
  @Matches(categoryPattern, { message: 'entityType must be a stream category such as booking' })
  entityType?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(printable, { message: 'entityId must be printable ASCII without spaces' })
  entityId?: string;

  @IsOptional()
  @IsString()
  @Length(3, 200)
  @Matches(printable, { message: 'streamId must look like <category>-<id>' })
  streamId?: string;

  @IsOptional() @IsString() @Length(1, 200) correlationId?: string;

  @IsOptional() @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date' }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date' }) to?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxAuditLimit) limit?: number;

  @IsOptional()
  @IsString()
  @Matches(auditCursorPattern, { message: 'after must be a meta.next value of this search' })
  after?: string;
}
