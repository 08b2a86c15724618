// The booking reads' answers besides BookingView (command-side/booking names it), for `npm run openapi`.
export type { PageMeta } from '../../infra/http-edge';
