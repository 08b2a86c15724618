// The identity API's answers, as the OpenAPI document names them (`npm run openapi`).
export type { LoggedOut, SignedIn } from '../sessions';
export type { UserView } from '../user-view';
