/** The keys sign-in and sign-up count failures under (`LoginThrottle`). */
export const throttleKeys = {
  account: (email: string) => `account:${email}`,
  ip: (ip: string) => `ip:${ip}`,
  /** Every sign-up attempt from an ip counts (its own rule, `signup`). */
  signup: (ip: string) => `signup:${ip}`,
};
