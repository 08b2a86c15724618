export { streamIndexProjection } from './stream-index-projection';
export { listStreams, type StreamIndexRow } from './stream-index-queries';
export { streamIndexTable } from './schema';
