import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenStore, type CrossTabLock, type KeyValueStorage, type TokenPair } from './token-store';

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/** One lock shared by "tabs" (stores over one storage), like the Web Locks API's. */
function sharedLock(): CrossTabLock {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

describe('the token store', () => {
  it('keeps the access token in memory and only the refresh token in storage', () => {
    const storage = memoryStorage();
    const store = new TokenStore(storage);
    store.save({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    assert.equal(store.accessToken, 'access-1');
    assert.deepEqual([...storage.map.values()], ['refresh-1']);
    assert.equal(new TokenStore(storage).accessToken, undefined);
    assert.equal(new TokenStore(storage).refreshToken, 'refresh-1');
  });

  it('shares one refresh among concurrent callers and stores the rotated pair', async () => {
    const store = new TokenStore(memoryStorage());
    store.save({ accessToken: 'old', refreshToken: 'refresh-1' });
    const spent: string[] = [];
    let release!: (pair: TokenPair) => void;
    const exchange = (token: string) => {
      spent.push(token);
      return new Promise<TokenPair>((resolve) => (release = resolve));
    };
    const calls = [store.refresh(exchange), store.refresh(exchange), store.refresh(exchange)];
    release({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    assert.deepEqual(await Promise.all(calls), ['access-2', 'access-2', 'access-2']);
    assert.deepEqual(spent, ['refresh-1']);
    assert.equal(store.refreshToken, 'refresh-2');
    await store.refresh(async (token) => {
      spent.push(token);
      return { accessToken: 'access-3', refreshToken: 'refresh-3' };
    });
    assert.deepEqual(spent, ['refresh-1', 'refresh-2']);
  });

  it('clears both tokens when the API rejects the refresh token', async () => {
    const store = new TokenStore(memoryStorage());
    store.save({ accessToken: 'a', refreshToken: 'r' });
    assert.equal(await store.refresh(async () => 'rejected'), undefined);
    assert.equal(store.accessToken, undefined);
    assert.equal(store.refreshToken, undefined);
  });

  it('keeps the tokens when the refresh fails on the network, so a later try can succeed', async () => {
    const store = new TokenStore(memoryStorage());
    store.save({ accessToken: 'a', refreshToken: 'r' });
    await assert.rejects(store.refresh(() => Promise.reject(new Error('offline'))));
    assert.equal(store.refreshToken, 'r');
    assert.equal(await store.refresh(async () => ({ accessToken: 'b', refreshToken: 's' })), 'b');
  });

  it('lets a second tab spend the refresh token the first tab stored, never the used one', async () => {
    const storage = memoryStorage();
    const lock = sharedLock();
    const firstTab = new TokenStore(storage, lock);
    const secondTab = new TokenStore(storage, lock);
    firstTab.save({ accessToken: 'a1', refreshToken: 'refresh-1' });
    let issued = 1;
    const spent: string[] = [];
    const exchange = async (token: string) => {
      spent.push(token);
      await Promise.resolve();
      issued++;
      return { accessToken: `a${issued}`, refreshToken: `refresh-${issued}` };
    };
    const [first, second] = await Promise.all([firstTab.refresh(exchange), secondTab.refresh(exchange)]);
    assert.deepEqual(spent, ['refresh-1', 'refresh-2']);
    assert.deepEqual([first, second], ['a2', 'a3']);
    assert.equal(storage.getItem('booking-rush.refreshToken'), 'refresh-3');
  });

  it('forgets the access token when another tab signed out, and only then', () => {
    const storage = memoryStorage();
    const thisTab = new TokenStore(storage);
    const otherTab = new TokenStore(storage);
    thisTab.save({ accessToken: 'a', refreshToken: 'r' });
    assert.equal(thisTab.signedOutElsewhere({ key: 'booking-rush.refreshToken' }), false);
    assert.equal(thisTab.signedOutElsewhere({ key: 'unrelated' }), false);
    assert.equal(thisTab.accessToken, 'a');
    otherTab.clear();
    assert.equal(thisTab.signedOutElsewhere({ key: 'unrelated' }), false);
    assert.equal(thisTab.signedOutElsewhere({ key: 'booking-rush.refreshToken' }), true);
    assert.equal(thisTab.accessToken, undefined);
    thisTab.save({ accessToken: 'b', refreshToken: 's' });
    storage.map.clear();
    assert.equal(thisTab.signedOutElsewhere({ key: null }), true, 'storage.clear() in another tab');
  });
});
