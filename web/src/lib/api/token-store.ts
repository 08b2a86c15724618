/** The slice of `localStorage` the store needs (tests pass a Map-backed one). */
export type KeyValueStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
};

export type TokenPair = { accessToken: string; refreshToken: string };

const refreshKey = 'booking-rush.refreshToken';

/**
 * The access token lives in memory only: a script injected into the page cannot read it from storage,
 * and it dies with the tab after at most 15 minutes. The refresh token goes to `localStorage` so that a
 * reload or a new tab stays signed in without a cookie the API does not offer; it is single-use (the API
 * rotates it and revokes the sign-in when a used one comes back), which bounds what a stolen one buys.
 *
 * `refresh` shares one call among every caller that arrives while it runs: two requests that both meet
 * a 401 must not each spend the same single-use refresh token. Other tabs share the stored token too, so
 * the exchange runs under a cross-tab lock (the Web Locks API, where the browser has it) and reads the
 * token inside it: a tab that waited spends the token the other tab just stored, not the used one.
 */
export class TokenStore {
  #accessToken: string | undefined;
  #inFlight: Promise<string | undefined> | undefined;

  constructor(
    private readonly storage: KeyValueStorage | undefined,
    private readonly exclusively: CrossTabLock = (work) => work(),
  ) {}

  get accessToken(): string | undefined {
    return this.#accessToken;
  }

  get refreshToken(): string | undefined {
    return this.storage?.getItem(refreshKey) ?? undefined;
  }

  save(pair: TokenPair): void {
    this.#accessToken = pair.accessToken;
    this.storage?.setItem(refreshKey, pair.refreshToken);
  }

  clear(): void {
    this.#accessToken = undefined;
    this.storage?.removeItem(refreshKey);
  }

  /**
   * A new access token from the stored refresh token, or undefined (and both cleared) when the API
   * refuses it. `exchange` answers the new pair, `'rejected'` when the token is no good, or throws on a
   * network failure (the tokens are kept: the next try may succeed).
   */
  refresh(exchange: (refreshToken: string) => Promise<TokenPair | 'rejected'>): Promise<string | undefined> {
    if (this.#inFlight) return this.#inFlight;
    if (!this.refreshToken) return Promise.resolve(undefined);
    this.#inFlight = this.exclusively(async () => {
      const refreshToken = this.refreshToken;
      if (!refreshToken) return undefined;
      const pair = await exchange(refreshToken);
      if (pair === 'rejected') {
        this.clear();
        return undefined;
      }
      this.save(pair);
      return pair.accessToken;
    }).finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  /**
   * Whether a change of the shared storage (a `storage` event from another tab) signed this tab out: the
   * other tab removed the refresh token or cleared the storage. The access token is forgotten here too.
   */
  signedOutElsewhere(change: { key: string | null }): boolean {
    if (change.key !== null && change.key !== refreshKey) return false;
    if (this.refreshToken) return false;
    this.#accessToken = undefined;
    return true;
  }
}

/** Runs `work` while no other tab of the origin runs work under the same lock. */
export type CrossTabLock = <T>(work: () => Promise<T>) => Promise<T>;

/** The Web Locks API where the browser offers it; else only this tab's own sharing applies. */
export function webLock(name: string): CrossTabLock {
  return (work) =>
    typeof navigator !== 'undefined' && navigator.locks
      ? navigator.locks.request(name, () => work())
      : work();
}
