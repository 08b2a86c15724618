export type { LoginThrottle } from './login-throttle';
