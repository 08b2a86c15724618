// class-transformer's @Type reads decorator metadata through the Reflect API at class definition; load
// it here rather than rely on something else (inversify) having loaded it first.
import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';

export const defaultEventLimit = 100;
export const maxEventLimit = 1000;
const maxFilterValues = 50;

/**
 * A checkpoint of the event store's adapters (PostgreSQL and KurrentDB alike): two zero-padded
 * numbers, or empty for the start of the log. Each part stays within a signed 64-bit integer, which
 * every adapter can take, so a forged cursor is a 400 and never an error from the store.
 */
export const checkpointPattern = /^\d{1,20}:\d{1,20}$/;
const maxCheckpointPart = 2n ** 63n - 1n;

export function isFeedCursor(value: unknown): boolean {
  if (value === '') return true;
  if (typeof value !== 'string' || !checkpointPattern.test(value)) return false;
  return value.split(':').every((part) => BigInt(part) <= maxCheckpointPart);
}

const IsFeedCursor = () =>
  ValidateBy({
    name: 'isFeedCursor',
    validator: {
      validate: isFeedCursor,
      defaultMessage: () => 'after must be a meta.next value of this feed',
    },
  });

/** Same rules as stream names (`<category>-<id>`) and event types in the event store port. */
const categoryPattern = /^[a-z][A-Za-z0-9]{0,49}$/;
const typePattern = /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/;

/** `a,b` and `?x=a&x=b` alike become `['a', 'b']`; anything else is left for the validators to refuse. */
export function splitList(value: unknown): unknown {
  const parts = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(parts) || !parts.every((part) => typeof part === 'string')) return value;
  return parts.flatMap((part: string) => part.split(',')).map((part) => part.trim());
}

/** `GET /admin/streams/:streamId?fromVersion=&limit=`. Numbers need `@Type` (no decorator metadata in tsx). */
export class StreamEventsQuery {
  // A version past 2^53 is no version any store holds, and would not survive as a number (Schemathesis
  // found one answering 500).
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) fromVersion?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxEventLimit) limit?: number;
}

/** `GET /admin/events?after=&limit=&category=&type=`; `after` is the `meta.next` of the page before. */
export class EventFeedQuery {
  @IsOptional() @IsFeedCursor() after?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxEventLimit) limit?: number;

  @IsOptional()
  @Transform(({ value }) => splitList(value))
  @ArrayMinSize(1)
  @ArrayMaxSize(maxFilterValues)
  @IsString({ each: true })
  @Matches(categoryPattern, { each: true, message: 'each category must look like booking or bookingSaga' })
  category?: string[];

  @IsOptional()
  @Transform(({ value }) => splitList(value))
  @ArrayMinSize(1)
  @ArrayMaxSize(maxFilterValues)
  @IsString({ each: true })
  @Matches(typePattern, { each: true, message: 'each type must be an event type such as BookingReserved' })
  type?: string[];
}
