import { IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { maxTicketsPerUserLimit, type EventDetails, type NewEventDetails } from '../../../domain/catalog';
import { IsInstant, Optional, utc } from './decorators';

const notBlank = /\S/;
const notBlankMessage = { message: '$property must not be blank' };

/** `POST /events`. Text is stored verbatim (SQL or HTML in it is just text). */
export class CreateEventDto {
  @IsString() @Length(1, 200) @Matches(notBlank, notBlankMessage) name!: string;
  @IsString() @MaxLength(5000) description!: string;
  @IsString() @Length(1, 200) @Matches(notBlank, notBlankMessage) venue!: string;
  @IsOptional() @IsString() @Length(1, 50) category?: string | null;
  @IsInstant() startsAt!: string;
  @IsInstant() saleStartsAt!: string;
  @Optional() @IsInstant() saleEndsAt?: string;
  @Optional() @IsInt() @Min(1) @Max(maxTicketsPerUserLimit) maxTicketsPerUser?: number;
}

/** `PUT /events/:id`: any subset of the create fields (category null clears it). */
export class UpdateEventDto {
  @Optional() @IsString() @Length(1, 200) @Matches(notBlank, notBlankMessage) name?: string;
  @Optional() @IsString() @MaxLength(5000) description?: string;
  @Optional() @IsString() @Length(1, 200) @Matches(notBlank, notBlankMessage) venue?: string;
  @IsOptional() @IsString() @Length(1, 50) category?: string | null;
  @Optional() @IsInstant() startsAt?: string;
  @Optional() @IsInstant() saleStartsAt?: string;
  @Optional() @IsInstant() saleEndsAt?: string;
  @Optional() @IsInt() @Min(1) @Max(maxTicketsPerUserLimit) maxTicketsPerUser?: number;
}

/** `POST /events/:id/cancel` (the body may be left out). */
export class CancelEventDto {
  @Optional() @IsString() @MaxLength(500) reason?: string;
}

export function toNewEventDetails(dto: CreateEventDto): NewEventDetails {
  return {
    name: dto.name,
    description: dto.description,
    venue: dto.venue,
    category: dto.category ?? null,
    startsAt: utc(dto.startsAt),
    saleStartsAt: utc(dto.saleStartsAt),
    ...(dto.saleEndsAt === undefined ? {} : { saleEndsAt: utc(dto.saleEndsAt) }),
    ...(dto.maxTicketsPerUser === undefined ? {} : { maxTicketsPerUser: dto.maxTicketsPerUser }),
  };
}

export function toEventChanges(dto: UpdateEventDto): Partial<EventDetails> {
  const changes: { -readonly [K in keyof EventDetails]?: EventDetails[K] } = {};
  if (dto.name !== undefined) changes.name = dto.name;
  if (dto.description !== undefined) changes.description = dto.description;
  if (dto.venue !== undefined) changes.venue = dto.venue;
  if (dto.category !== undefined) changes.category = dto.category;
  if (dto.startsAt !== undefined) changes.startsAt = utc(dto.startsAt);
  if (dto.saleStartsAt !== undefined) changes.saleStartsAt = utc(dto.saleStartsAt);
  if (dto.saleEndsAt !== undefined) changes.saleEndsAt = utc(dto.saleEndsAt);
  if (dto.maxTicketsPerUser !== undefined) changes.maxTicketsPerUser = dto.maxTicketsPerUser;
  return changes;
}
