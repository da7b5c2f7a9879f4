import { json } from '@sveltejs/kit';
import { db } from '$lib/server/app';
import { publishedJwks } from '$lib/server/progression/credential-view';
import { PUBLIC_DOCUMENT_HEADERS } from '$lib/server/progression/public-headers';
import type { RequestHandler } from './$types';

// Public by design (access.ts lists /.well-known/): verifiers need the keys without signing in.
export const GET: RequestHandler = async () => json(await publishedJwks(db()), { headers: PUBLIC_DOCUMENT_HEADERS });
