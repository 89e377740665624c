// Stand-alone runner for the linkage commands while developing:
//   node --import tsx src/linkage/dev-cli.ts link --left a.csv --right b.csv --out m.csv
//   node --import tsx src/linkage/dev-cli.ts generate --left a.csv --right b.csv --truth t.csv -n 2000
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { generateBenchmark } from './benchmark/generate';
import { csvLine, personCsv } from './csv';
import { registerLinkageCommands } from './linkage.cli';

const program = new Command('samanvay-linkage');
registerLinkageCommands(program);
program
  .command('generate')
  .description('write a synthetic labelled benchmark')
  .requiredOption('--left <csv>')
  .requiredOption('--right <csv>')
  .requiredOption('--truth <csv>')
  .option('-n <records>', 'records per side', '2000')
  .option('--seed <n>', 'seed', '1')
  .action((o: { left: string; right: string; truth: string; n: string; seed: string }) => {
    const b = generateBenchmark({ seed: Number(o.seed), left: Number(o.n), right: Number(o.n) });
    writeFileSync(o.left, personCsv(b.left));
    writeFileSync(o.right, personCsv(b.right));
    writeFileSync(o.truth, csvLine(['right_id', 'left_id']) + [...b.truth].map(([r, l]) => csvLine([r, l])).join(''));
  });
await program.parseAsync();
