// `npm start`: build when the build is missing or stale, then serve. The server's init hook
// migrates the database, loads content and seeds the demo organisation before it listens.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { isBuildCurrent, sourceHash, STAMP_FILE } from './build-stamp.js';

if (!isBuildCurrent()) {
	console.log('rapport: building the app (first start or changed sources)…');
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
	if (build.status !== 0) {
		console.error('rapport: the build failed; see the messages above');
		process.exit(1);
	}
	writeFileSync(STAMP_FILE, sourceHash() + '\n');
}

await import('./serve.js');
