import { describeWaitingLineContract } from '../../ports/waiting-line/contract';
import { InProcessWaitingLine } from './in-process-waiting-line';

describeWaitingLineContract('in-process', {
  open: async () => new InProcessWaitingLine(),
  close: async (line) => line.close(),
});
