import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while handling one request (or message) carries. */
export type RequestContext = {
  readonly correlationId: string;
};

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` (and everything it starts asynchronously) inside `context`. */
export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
