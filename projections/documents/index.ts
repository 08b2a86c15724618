export type { DocumentProjection, GenerationCollections, SequencedEvent } from './document-projection';
export { collectionsOf } from './generation-collections';
export { DocumentProjectionRunner, type DocumentRunnerOptions } from './document-runner';
export { DocumentProjectionSupervisor } from './document-supervisor';
