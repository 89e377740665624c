// Runs on `npm ci` (the "prepare" script), before the web build: bundles the server and the
// command line into dist/ with tsup, so that production runs JavaScript and not TypeScript
// through tsx. bin/samanvay.js runs dist/cli.js (and falls back to the sources when dist/ is
// missing or older than src/). Packages in node_modules stay external (imported at run time).
import { existsSync } from 'node:fs';

// `--out-dir DIR` builds elsewhere (tests build into a folder of their own under dist/).
const at = process.argv.indexOf('--out-dir');
const outDir = at > 0 ? process.argv[at + 1] : 'dist';

if (!existsSync('src/cli/index.ts')) {
  console.log('sources not present; skipping the server build');
} else if (!existsSync('node_modules/tsup')) {
  console.log(
    'tsup not installed (production install without dev dependencies); skipping the server build: bin/samanvay.js will run the sources through tsx',
  );
} else {
  const { build } = await import('tsup');
  await build({
    entry: {
      cli: 'src/cli/index.ts',
      // The linkage engine's worker threads load this file beside the bundle (src/linkage/parallel.ts).
      'link.worker': 'src/linkage/link.worker.ts',
    },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    splitting: false,
    sourcemap: true,
    clean: true,
    dts: false,
    skipNodeModulesBundle: true,
    tsconfig: 'tsconfig.json',
    silent: true,
  });
  console.log(`server built into ${outDir}/ (cli.js, link.worker.js)`);
}
