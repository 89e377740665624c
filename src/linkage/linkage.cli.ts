// `link` and `dedupe` commands. Output files get the results; stderr gets only progress and errors.
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { csvLine, readPersonCsv, type InvalidRow } from './csv';
import { dedupeRecords } from './dedupe';
import type { Progress } from './engine';
import { forEachLink, runLinkage, summarize } from './link';
import { defaultModel, loadModel } from './model';
import { defaultWorkers, formatTimeline, linkParallel, shareExplanation } from './parallel';
import { personTable } from './record';
import { parseLabelledPairs, refitFromReviews } from './refit';
import { istToday } from '../kernel/clock';

function progressReporter(): { onProgress: (p: Progress) => void; stop: () => void } {
  const tty = process.stderr.isTTY === true;
  const bar = tty
    ? new cliProgress.SingleBar(
        { stream: process.stderr, format: '{phase} [{bar}] {percentage}% {value}/{total}', hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let phase = '',
    lastPct = -1;
  return {
    onProgress: (p) => {
      if (p.phase !== phase) {
        if (bar) {
          bar.stop();
          bar.start(p.total, p.done, { phase: p.phase });
        } else process.stderr.write(`${p.phase}...\n`);
        phase = p.phase;
        lastPct = -1;
        return;
      }
      if (bar) bar.update(p.done, { phase: p.phase });
      else {
        const pct = Math.floor((100 * p.done) / Math.max(1, p.total) / 10) * 10;
        if (pct > lastPct && pct > 0) {
          process.stderr.write(`${p.phase} ${pct}%\n`);
          lastPct = pct;
        }
      }
    },
    stop: () => bar?.stop(),
  };
}

function readInput(path: string, skipInvalid: boolean) {
  const res = readPersonCsv(readFileSync(path), { skipInvalid });
  for (const r of res.invalid as InvalidRow[])
    process.stderr.write(`${path}: line ${r.line}${r.field ? `, field ${r.field}` : ''}: ${r.reason} (skipped)\n`);
  return res.records;
}

/** Writes lines through a buffer: a million result rows must not become one string. */
class LineWriter {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(line: string): void {
    this.buf.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length) {
      writeSync(this.fd, this.buf.join(''));
      this.buf = [];
      this.size = 0;
    }
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function fail(err: unknown): never {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}

export function registerLinkageCommands(program: Command): void {
  program
    .command('link')
    .description("match found children (right) against missing children (left); writes each right record's best candidates")
    .requiredOption('--left <csv>', 'person-record CSV, e.g. missing children')
    .requiredOption('--right <csv>', 'person-record CSV, e.g. found children')
    .requiredOption('--out <csv>', 'output: left_id,right_id,match_probability,match_weight,explanation')
    .option('--model <json>', 'match model (default: the shipped indian-children model)')
    .option('--skip-invalid', 'skip and report invalid rows instead of stopping at the first', false)
    .option('--threshold <p>', 'leave out candidates below this probability', '0')
    .option('--top-k <n>', 'candidates per right record', '5')
    .addOption(
      new Option('--train <mode>', 'parameters to re-estimate on this data').choices(['none', 'prior', 'u', 'full']).default('prior'),
    )
    .option('--workers <n>', 'worker threads (default: all cores for large inputs, else 1)')
    .action(
      async (o: {
        left: string;
        right: string;
        out: string;
        model?: string;
        skipInvalid: boolean;
        threshold: string;
        topK: string;
        train: 'none' | 'prior' | 'u' | 'full';
        workers?: string;
      }) => {
        try {
          const threshold = Number(o.threshold),
            topK = Number(o.topK);
          if (!(threshold >= 0 && threshold <= 1)) throw new Error('--threshold must be between 0 and 1');
          if (!Number.isInteger(topK) || topK < 1) throw new Error('--top-k must be a positive integer');
          const model = o.model ? loadModel(o.model) : defaultModel();
          const left = readInput(o.left, o.skipInvalid),
            right = readInput(o.right, o.skipInvalid);
          const pr = progressReporter();
          const out = new LineWriter(o.out);
          out.write(csvLine(['left_id', 'right_id', 'match_probability', 'match_weight', 'explanation']));
          const workers = o.workers === undefined ? (left.length * right.length >= 4e8 ? defaultWorkers() : 1) : Number(o.workers);
          let pairs: number;
          if (workers > 1) {
            // Large runs: worker threads compare and score shares of the right records.
            const res = await linkParallel(personTable(left), personTable(right), model, {
              workers,
              train: o.train,
              topK,
              threshold,
              onProgress: pr.onProgress,
            });
            for (const w of res.warnings) process.stderr.write(`warning: ${w}\n`);
            for (const line of formatTimeline(res.timeline)) process.stderr.write(`time: ${line}\n`);
            for (const sh of res.shares) {
              for (let x = 0; x < sh.right.length; x++) {
                out.write(
                  csvLine([
                    left[sh.left[x]].id,
                    right[sh.right[x]].id,
                    sh.probability[x].toFixed(6),
                    Number(sh.weight[x].toFixed(2)),
                    shareExplanation(res.model, sh, x),
                  ]),
                );
              }
            }
            pairs = res.pairsCompared;
          } else {
            const engine = runLinkage(personTable(left), personTable(right), model, { train: o.train, onProgress: pr.onProgress });
            for (const w of summarize(engine).warnings) process.stderr.write(`warning: ${w}\n`);
            forEachLink(engine, { topK, threshold, onProgress: pr.onProgress }, (_j, cands) => {
              for (const c of cands)
                out.write(csvLine([c.leftId, c.rightId, c.probability.toFixed(6), Number(c.weight.toFixed(2)), c.explanation]));
            });
            pairs = engine.pairCount;
          }
          out.close();
          pr.stop();
          process.stderr.write(`compared ${pairs} candidate pairs for ${right.length} right records\n`);
        } catch (err) {
          fail(err);
        }
      },
    );

  program
    .command('link-refit')
    .description("re-estimate a match model's m-probabilities and calibration from reviewers' decisions (the labelled-pairs export)")
    .requiredOption('--labels <csv>', 'labelled pairs: GET /api/v1/missing/labelled-pairs')
    .requiredOption('--out <json>', 'the new model (a new version; the base model file is left as it is)')
    .option('--model <json>', 'base model (default: the shipped indian-children model)')
    .option('--state <name>', 'only decisions with a record in this state (name or code, e.g. MH)')
    .option('--min-decisions <n>', 'refuse with fewer confirmed or rejected decisions than this', '20')
    .action((o: { labels: string; out: string; model?: string; state?: string; minDecisions: string }) => {
      try {
        const base = o.model ? loadModel(o.model) : defaultModel();
        const pairs = parseLabelledPairs(readFileSync(o.labels));
        const { model, summary } = refitFromReviews(base, pairs, {
          state: o.state,
          minEach: Number(o.minDecisions),
          today: istToday(new Date()),
        });
        writeFileSync(o.out, JSON.stringify(model, null, 2) + '\n');
        writeFileSync(o.out.replace(/\.json$/, '') + '.summary.json', JSON.stringify(summary, null, 2) + '\n');
        process.stderr.write(
          `wrote ${o.out} (${summary.version}) from ${summary.confirmed} confirmed and ${summary.rejected} rejected decisions; ` +
            `m changed for ${summary.changed.map((c) => c.id).join(', ') || 'nothing'}; calibration error on the decisions ${summary.eceBefore} → ${summary.eceAfter}\n`,
        );
      } catch (err) {
        fail(err);
      }
    });

  program
    .command('dedupe')
    .description('group records that describe the same child')
    .requiredOption('--in <csv>', 'person-record CSV')
    .requiredOption('--out <csv>', 'output: id,cluster_id')
    .option('--model <json>', 'match model')
    .option('--skip-invalid', 'skip and report invalid rows', false)
    .action((o: { in: string; out: string; model?: string; skipInvalid: boolean }) => {
      try {
        const model = o.model ? loadModel(o.model) : defaultModel();
        const recs = readInput(o.in, o.skipInvalid);
        const pr = progressReporter();
        const res = dedupeRecords(recs, model, { onProgress: pr.onProgress });
        pr.stop();
        const out = new LineWriter(o.out);
        out.write(csvLine(['id', 'cluster_id']));
        for (const c of res.clusters) out.write(csvLine([c.id, c.clusterId]));
        out.close();
      } catch (err) {
        fail(err);
      }
    });
}
