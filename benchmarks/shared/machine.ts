import os from 'node:os';

/** What a recorded figure was measured on; printed beside every result. */
export function describeMachine(extra: Record<string, string> = {}): Record<string, string> {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    ...extra,
  };
}
