import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** `POST /bookings`: the zone and how many seats; the price comes from the zone, never the client. */
export class ReserveSeatsDto {
  @IsUUID()
  zoneId!: string;

  @IsInt()
  @Min(1)
  @Max(100)
  quantity!: number;
}

/** `POST /bookings/:id/cancel`: an optional reason for the record. */
export class CancelBookingDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
