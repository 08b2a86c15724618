export type { BookingCommands, ConfirmAnswer, Replay } from './booking-commands';
