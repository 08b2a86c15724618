import { JSONSchema } from 'class-validator-jsonschema';
import {
  IsISO4217CurrencyCode,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { AppError } from '../../../domain/shared';
import { IsInstant, Optional, utc } from './decorators';

const maxCapacity = 1_000_000;

/** `POST /events/:id/shows`. */
export class AddShowDto {
  @IsInstant() startsAt!: string;
  @Optional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: '$property must not be blank' })
  name?: string;
}

/** `PUT /shows/:id`: a new name (null clears it), a new start, or both. */
@JSONSchema({ minProperties: 1 })
export class UpdateShowDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: '$property must not be blank' })
  name?: string | null;
  @Optional() @IsInstant() startsAt?: string;
}

/** `POST /shows/:id/zones`: price in minor units of `currency`. */
export class AddZoneDto {
  @IsString() @Length(1, 100) @Matches(/\S/, { message: '$property must not be blank' }) name!: string;
  @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) price!: number;
  @IsISO4217CurrencyCode()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an upper-case ISO 4217 code such as EUR' })
  currency!: string;
  @IsInt() @Min(1) @Max(maxCapacity) capacity!: number;
}

/** `PUT /zones/:id`: a new price, a new capacity, or both. */
export class UpdateZoneDto {
  @Optional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) price?: number;
  @Optional() @IsInt() @Min(1) @Max(maxCapacity) capacity?: number;
}

export const toShow = (dto: AddShowDto) => ({
  startsAt: utc(dto.startsAt),
  ...(dto.name === undefined ? {} : { name: dto.name }),
});

export const toZoneChanges = (dto: UpdateZoneDto) => ({
  ...(dto.price === undefined ? {} : { price: dto.price }),
  ...(dto.capacity === undefined ? {} : { capacity: dto.capacity }),
});

/** The show changes a validated body asks for; an empty body is refused (it would say nothing). */
export function toShowChanges(dto: UpdateShowDto): { name?: string | null; startsAt?: string } {
  if (dto.name === undefined && dto.startsAt === undefined) {
    throw new AppError('VALIDATION_ERROR', 'Invalid request body: send name, startsAt or both', [
      { field: 'body', reasons: ['at least one of name and startsAt is required'] },
    ]);
  }
  return {
    ...(dto.name === undefined ? {} : { name: dto.name }),
    ...(dto.startsAt === undefined ? {} : { startsAt: utc(dto.startsAt) }),
  };
}
