// The load generator, run as its own process so its CPU is attributed separately (wrk runs as its
// child and counts with it). It receives a LoadPlan over IPC, mints the buyers' tokens, tells the
// parent when the load starts and stops (the parent samples CPU then), runs autocannon or wrk, and
// answers with a LoadResult.
import { runAutocannon } from './autocannon-load';
import { buyerId, mintTokens } from './buyers';
import type { GeneratorMessage, LoadHooks, LoadPlan, LoadResult } from './load-plan';
import { runWrk } from './wrk-load';

const send = (message: GeneratorMessage) =>
  new Promise<void>((resolve) => process.send!(message, undefined, undefined, () => resolve()));

async function generate(plan: LoadPlan): Promise<LoadResult> {
  const tokens = await mintTokens(plan.jwtSecret, plan.buyers.tag, plan.buyers.first, plan.buyers.count);
  const buyers = tokens.map((token, index) => ({
    token,
    id: buyerId(plan.buyers.tag, plan.buyers.first + index),
  }));
  const hooks: LoadHooks = {
    started: () => send({ type: 'started' }),
    stopped: () => send({ type: 'stopped' }),
  };
  return plan.generator === 'wrk' ? runWrk(plan, buyers, hooks) : runAutocannon(plan, buyers, hooks);
}

process.once('message', (plan: LoadPlan) => {
  generate(plan)
    .then((result) => send({ type: 'result', result }))
    .catch((error: unknown) =>
      send({ type: 'failed', message: error instanceof Error ? error.stack! : String(error) }),
    )
    .finally(() => process.disconnect());
});
