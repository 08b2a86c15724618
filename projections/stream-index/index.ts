export { streamIndexProjection, streamIndexTable, type StreamIndexRow } from './stream-index-projection';
export { listStreams } from './stream-index-queries';
