import type { FeedEventView, StreamEventView } from '../../../query-side/admin';

/** One event on one line: revision, global position, time, type, who and why, then its data. */
export function eventLine(event: StreamEventView | FeedEventView): string {
  const { metadata } = event;
  const stream = 'streamId' in event ? `${event.streamId}@${event.version}` : `${event.version}`;
  return [
    stream,
    `#${event.globalPosition}`,
    event.createdAt,
    event.type,
    `user=${metadata.userId ?? '-'}`,
    `correlation=${metadata.correlationId ?? '-'}`,
    `causation=${metadata.causationId ?? '-'}`,
    JSON.stringify(event.data),
  ].join('  ');
}
