// class-transformer's @Type reads decorator metadata through the Reflect API at class definition.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { decodeNotificationCursor } from './notification-cursor';

export const defaultNotificationLimit = 50;
export const maxNotificationLimit = 500;
export const notificationStatusFilter = ['pending', 'sent', 'failed'] as const;
export type NotificationStatusName = (typeof notificationStatusFilter)[number];

const IsNotificationCursor = () =>
  ValidateBy({
    name: 'isNotificationCursor',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && decodeNotificationCursor(value) !== undefined,
      defaultMessage: () => 'after must be a meta.next value of this list',
    },
  });

/** `GET /admin/notifications?status=&bookingId=&type=&limit=&after=`. */
export class NotificationListQuery {
  @IsOptional()
  @IsIn(notificationStatusFilter, { message: `status must be one of ${notificationStatusFilter.join(', ')}` })
  status?: NotificationStatusName;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'bookingId must be a booking id' })
  bookingId?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z-]{0,39}$/, { message: 'type must be a notification type such as booking-confirmed' })
  type?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxNotificationLimit) limit?: number;

  @IsOptional() @IsNotificationCursor() after?: string;
}
