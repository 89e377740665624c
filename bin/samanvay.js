#!/usr/bin/env node
// Runs the command line built into dist/ by `npm ci` (the prepare script, scripts/build-server.js).
// In a development checkout without a build, or when src/ changed after the last build, it runs
// the TypeScript sources through tsx instead, and says so on stderr.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const sources = join(root, 'src');
let reason = null;
if (!existsSync(built)) reason = 'no build in dist/';
else if (existsSync(sources) && newestSource(sources) > statSync(built).mtimeMs) reason = 'src/ changed since the last build';

if (reason === null) {
  await import(new URL('../dist/cli.js', import.meta.url).href);
} else {
  process.stderr.write(`samanvay: ${reason}; running the TypeScript sources through tsx (npm run build to build)\n`);
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/index.ts', import.meta.url).href);
}
