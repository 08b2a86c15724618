import { IsOptional, Matches } from 'class-validator';

const longestWaitSeconds = 30;

/**
 * `GET /events/:id/queue?wait=N`: whole seconds, 0–30; absent is 0 (answer at once). Kept as text (a
 * plain DTO, no class-transformer on the status hot path) and matched as digits.
 */
export class QueueStatusQuery {
  @IsOptional()
  @Matches(/^(?:\d|[0-2]\d|30)$/, {
    message: `$property must be a whole number of seconds from 0 to ${longestWaitSeconds}`,
  })
  wait?: string;
}
