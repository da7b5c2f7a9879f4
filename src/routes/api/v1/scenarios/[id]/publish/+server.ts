import { publishContentEndpoint } from '$lib/server/studio/content-api';

export const POST = publishContentEndpoint('scenario');
