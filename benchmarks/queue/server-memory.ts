// Loaded into the product's server by bench:queue (`node --expose-gc --import <this file>`, before tsx:
// Node strips the types itself, so keep to erasable syntax and node: imports). It answers the harness's
// questions over the IPC channel with process.memoryUsage(), after a full collection when asked (the
// heap a load leaves behind, not the garbage it made). Nothing else of the server changes; the product
// only listens on that channel for its own shutdown message.
type Question = { readonly benchQueueMemory: number; readonly gc?: boolean };

const isQuestion = (message: unknown): message is Question =>
  typeof message === 'object' && message !== null && 'benchQueueMemory' in message;

process.on('message', (message: unknown) => {
  if (!isQuestion(message)) return;
  const collect = (globalThis as { gc?: () => void }).gc;
  let gcMs: number | null = null;
  if (message.gc && collect) {
    const started = performance.now();
    collect();
    gcMs = performance.now() - started;
  }
  process.send?.({ benchQueueMemory: message.benchQueueMemory, gcMs, ...process.memoryUsage() });
});
