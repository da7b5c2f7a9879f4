import { putContent } from '$lib/server/studio/content-api';

export const PUT = putContent('scenario');
