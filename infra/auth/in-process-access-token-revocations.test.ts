import { describeAccessTokenRevocationsContract } from '../ports/auth/access-token-revocations-contract';
import { InProcessAccessTokenRevocations } from './in-process-access-token-revocations';

describeAccessTokenRevocationsContract('in-process', {
  open: async (options) => {
    const revocations = new InProcessAccessTokenRevocations(options);
    return { one: revocations, other: revocations, sync: async () => {}, close: async () => {} };
  },
});
