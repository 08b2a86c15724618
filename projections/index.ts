export * from './runner';
export * from './stream-index';
