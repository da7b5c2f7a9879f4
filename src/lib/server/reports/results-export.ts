import type { Kysely } from 'kysely';
import { csvLine } from '../../csv/write-csv';
import { cursorOf, reportAttemptPage, type ReportAttempt, type ReportCursor, type ReportOrder } from '../db/attempt-reports';
import type { Database } from '../db/schema';

const PAGE = 500;
// The stream reads its first page before the response's headers leave (better-sqlite3 answers
// synchronously), so a short first page is a short wait for the first byte.
const FIRST_PAGE = 50;
const encoder = new TextEncoder();

/**
 * Streams CSV page by page: memory stays flat however many attempts there are, and the first
 * bytes leave before the last page is read.
 */
function pagedCsv(db: Kysely<Database>, order: ReportOrder, header: string[], linesOf: (page: ReportAttempt[], last: boolean) => string, withScore = true) {
	let cursor: ReportCursor | null = null;
	let started = false;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (!started) {
				started = true;
				controller.enqueue(encoder.encode(csvLine(header)));
			}
			const limit = cursor ? PAGE : FIRST_PAGE;
			const page = await reportAttemptPage(db, order, cursor, limit, withScore);
			const last = page.length < limit;
			const text = linesOf(page, last);
			if (text) controller.enqueue(encoder.encode(text));
			if (last) controller.close();
			else cursor = cursorOf(order, page[page.length - 1]);
		}
	});
}

export const attemptsCsv = (db: Kysely<Database>) =>
	pagedCsv(db, 'started', ['attempt_id', 'email', 'name', 'scenario_id', 'scenario_version', 'status', 'score_total', 'passed', 'started_at', 'finished_at'], (page) =>
		page.map((a) => csvLine([a.id, a.email, a.name, a.scenarioId, a.scenarioVersion, a.status, a.scoreTotal, a.status === 'passed' ? 1 : 0, a.startedAt, a.finishedAt])).join(''),
		// Totals only: the score JSON is neither read nor parsed.
		false
	);

interface CriterionTally {
	label: string;
	scores: number[];
	latest: number;
	latestAt: string;
}

/** Per person × criterion over scored attempts; rows arrive grouped by person, so one person is held at a time. */
export function criteriaCsv(db: Kysely<Database>) {
	let person: { userId: string; email: string; name: string } | null = null;
	let tallies = new Map<string, CriterionTally>();
	const flush = () => {
		if (!person) return '';
		const p = person;
		const lines = [...tallies].map(([id, t]) => {
			const average = Math.round((t.scores.reduce((s, x) => s + x, 0) / t.scores.length) * 10) / 10;
			return csvLine([p.email, p.name, id, t.label, t.scores.length, average, t.latest, t.latestAt]);
		});
		tallies = new Map();
		return lines.join('');
	};
	return pagedCsv(db, 'person', ['email', 'name', 'criterion_id', 'criterion_label', 'attempts', 'average_score', 'latest_score', 'latest_at'], (page, last) => {
		let out = '';
		for (const a of page) {
			if (person?.userId !== a.userId) {
				out += flush();
				person = { userId: a.userId, email: a.email, name: a.name };
			}
			for (const c of a.score?.criteria ?? []) {
				if (c.score === null || !c.applicable) continue;
				const t = tallies.get(c.id) ?? { label: c.label, scores: [], latest: c.score, latestAt: a.startedAt };
				t.scores.push(c.score);
				if (a.startedAt >= t.latestAt) Object.assign(t, { latest: c.score, latestAt: a.startedAt });
				tallies.set(c.id, t);
			}
		}
		return last ? out + flush() : out;
	});
}
