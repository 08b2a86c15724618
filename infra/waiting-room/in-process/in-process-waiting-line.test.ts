import { describeWaitingLineContract } from '../../../command-side/waiting-room/contract';
import { InProcessWaitingLine } from './in-process-waiting-line';

describeWaitingLineContract('in-process', {
  open: async () => new InProcessWaitingLine(),
  close: async (line) => line.close(),
});
