// Runs on `npm ci` (the "prepare" script): builds the web app so `npm start` serves it.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('web/vite.config.ts')) {
  console.log('web app not present; skipping build');
} else if (!existsSync('node_modules/vite')) {
  console.log('vite not installed (production install without dev dependencies); skipping web build');
} else {
  execSync('npx vite build --config web/vite.config.ts', { stdio: 'inherit' });
}
