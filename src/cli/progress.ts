import cliProgress from 'cli-progress';

/** Seconds as "1 h 05 min", "7 min 12 s" or "40 s". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${s} s`;
}

/**
 * A progress bar on stderr (stdout stays clean for data); plain lines when stderr is not a
 * terminal (a log file, a CI job): one at every tenth, and one at least every `everySeconds`
 * with the rate and the time left, so a load of an hour does not look stuck between tenths.
 */
export function progressLine(label: string, opts: { everySeconds?: number; now?: () => number; write?: (line: string) => void } = {}) {
  const now = opts.now ?? (() => performance.now());
  const write = opts.write ?? ((line: string) => void process.stderr.write(line));
  const every = (opts.everySeconds ?? 30) * 1000;
  let bar: cliProgress.SingleBar | null = null;
  let lastPct = -1;
  let started = -1;
  let lastAt = -1;
  return (done: number, total: number) => {
    if (!opts.write && process.stderr.isTTY) {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: `${label} [{bar}] {percentage}% {value}/{total} {eta_formatted} left`, stream: process.stderr },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar.update(done);
      if (done >= total) bar.stop();
      return;
    }
    const t = now();
    if (started < 0) started = t;
    const pct = total ? Math.floor((done / total) * 10) * 10 : 100;
    if (pct === lastPct && t - lastAt < every) return;
    lastPct = pct;
    lastAt = t;
    const elapsed = (t - started) / 1000;
    let tail = '';
    if (done > 0 && done < total && elapsed >= 1) {
      const rate = done / elapsed;
      tail = `, ${Math.round(rate).toLocaleString('en-IN')}/s, ${duration((total - done) / rate)} left`;
    }
    write(`${label}: ${total ? Math.floor((done / total) * 100) : 100}% (${done}/${total}${tail})\n`);
  };
}
