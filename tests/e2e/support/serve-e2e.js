// Starts the built app on a fresh temporary database for one Playwright run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
process.env.DATABASE_URL = `file:${join(dir, 'rapport.db')}`;
process.env.DATA_DIR = dir;
await import('../../../scripts/serve.js');
