export { MongoDocumentStore, type MongoDocumentStoreOptions } from './mongo-document-store';
export type { ServerTraits } from './server-traits';
