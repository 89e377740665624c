/**
 * Where the files that ship beside the code are: migrations/, reference/, web/dist and the
 * data files under src/ (linkage models, the assessment instrument). They are found from
 * the package root (the folder of Samanvay's package.json), never relative to the module
 * that reads them, because that module runs from src/ (tsx, tests) or from the single
 * bundle in dist/ (production), at different depths.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'samanvay') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find Samanvay's package.json above ${from}`);
    dir = up;
  }
}

/** The package root (the repository checkout). */
export const ROOT = findRoot(import.meta.url);

/** A path under the package root: rootPath('migrations'), rootPath('src', 'linkage', 'models', …). */
export const rootPath = (...parts: string[]) => join(ROOT, ...parts);
