// class-transformer ships this module's types under types/, without a path that matches its file.
declare module 'class-transformer/cjs/storage.js' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
