export type { JoinOutcome, LinePosition, WaitingLine } from './waiting-line';
