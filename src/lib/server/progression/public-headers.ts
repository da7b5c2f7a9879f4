/** Public, verifiable documents: any verifier may fetch them, from any origin. */
export const PUBLIC_DOCUMENT_HEADERS = {
	'access-control-allow-origin': '*',
	'cache-control': 'no-cache'
} as const;
