import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

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

/**
 * `POST /bookings/:id/pay`: a card for the mock gateway (its test cards are in the README). The amount
 * is the booking's; the client never sends one.
 */
export class PayBookingDto {
  @IsIn(['card'])
  method!: 'card';

  @Matches(/^\d{12,19}$/, { message: 'cardNumber must be 12–19 digits' })
  cardNumber!: string;
}
