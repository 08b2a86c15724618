import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** `GET /admin/inventory?eventId=`. */
export class EventInventoryQuery {
  @IsString() @IsNotEmpty() @MaxLength(100) eventId!: string;
}
