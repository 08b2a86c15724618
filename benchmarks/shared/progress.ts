import cliProgress from 'cli-progress';

export type Progress = { update(done: number): void; stop(): void };

/** A progress bar on stderr (quiet when stderr is not a terminal, so logs stay readable). */
export function progressBar(label: string, total: number): Progress {
  if (!process.stderr.isTTY) {
    let nextReport = 0.25;
    return {
      update(done) {
        if (done / total >= nextReport) {
          process.stderr.write(`${label}: ${Math.round((done / total) * 100)}%\n`);
          nextReport += 0.25;
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total} {eta_formatted} left`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
