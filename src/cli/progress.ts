import cliProgress from 'cli-progress';

/** A progress bar on stderr (stdout stays clean for data); plain lines when stderr is not a terminal. */
export function progressLine(label: string) {
  let bar: cliProgress.SingleBar | null = null;
  let lastPct = -1;
  return (done: number, total: number) => {
    if (process.stderr.isTTY) {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar.update(done);
      if (done >= total) bar.stop();
      return;
    }
    const pct = total ? Math.floor((done / total) * 10) * 10 : 100;
    if (pct !== lastPct) {
      lastPct = pct;
      process.stderr.write(`${label}: ${pct}% (${done}/${total})\n`);
    }
  };
}
