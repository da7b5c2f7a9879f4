import { exportLatest } from '$lib/server/studio/content-api';

export const GET = exportLatest('scenario');
