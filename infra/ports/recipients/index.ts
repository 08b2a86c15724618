export type { Recipient, Recipients } from './recipients';
