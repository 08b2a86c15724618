export { InMemoryDocumentStore, type InMemoryDocumentStoreOptions } from './in-memory-document-store';
