export * from './mock';
