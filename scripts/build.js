// `npm run build`: a production build plus the stamp that lets `npm start` skip rebuilding.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { sourceHash, STAMP_FILE } from './build-stamp.js';

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
writeFileSync(STAMP_FILE, sourceHash() + '\n');
