import { json } from '@sveltejs/kit';
import { issuerProfile } from '$lib/server/progression/issuer-documents';
import { PUBLIC_DOCUMENT_HEADERS } from '$lib/server/progression/public-headers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => json(issuerProfile(), { headers: PUBLIC_DOCUMENT_HEADERS });
