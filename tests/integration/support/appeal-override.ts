import type { ApiCaller } from './api-callers';
import { signedInAs } from './admin-pages';
import { HttpClient } from './http-client';

/** The appeals a person's queue links to, in page order. */
export const appealLinks = (html: string) => [...html.matchAll(/href="\/appeals\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

/**
 * The demo new hire appeals one of their attempts and the demo trainer gives every criterion full
 * marks, through the pages as people do. Returns the criteria as scored before the override.
 */
export async function appealToFullMarks(baseUrl: string, hireApi: ApiCaller, attemptId: string): Promise<{ id: string }[]> {
	const hire = await signedInAs(new HttpClient(baseUrl), 'new.hire@demo.test');
	const trainer = await signedInAs(new HttpClient(baseUrl), 'trainer@demo.test');
	const appealed = await hire.submit(`/attempts/${attemptId}?/appeal`, { reason: 'The customer had already verified.' });
	if (appealed.status !== 200) throw new Error(`the appeal answered ${appealed.status}`);
	const [appealId] = appealLinks(await (await trainer.request('/appeals')).text());
	const criteria: { id: string }[] = (await hireApi.json(`/api/v1/attempts/${attemptId}`)).body.score.criteria;
	const form: Record<string, string> = { reason: 'Verification happened off-script; full marks.' };
	for (const c of criteria) form[`score.${c.id}`] = '100';
	const decided = await trainer.submit(`/appeals/${appealId}?/override`, form);
	if (decided.status !== 303) throw new Error(`the override answered ${decided.status}`);
	return criteria;
}
