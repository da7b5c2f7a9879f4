import { describe, expect, it } from 'vitest';
import { matchesFilter, parseCatalogFilter } from '$lib/server/play/catalog-view';
import { oneLine } from '$lib/server/play/labels';
import { progressByScenario } from '$lib/server/play/learner-progress';
import { makeCatalogEntry } from '../../../factories/play-factory';

describe('parseCatalogFilter', () => {
	it('reads the filters from the query string', () => {
		expect(parseCatalogFilter(new URLSearchParams('q=refund&family=leadership&channel=chat&difficulty=3&status=in-progress'))).toEqual({
			q: 'refund',
			family: 'leadership',
			channel: 'chat',
			difficulty: 3,
			status: 'in-progress'
		});
	});

	it('ignores blank and nonsense values instead of failing', () => {
		expect(parseCatalogFilter(new URLSearchParams(`q=&family=nope&difficulty=9&status=&channel=fax`))).toEqual({});
	});
});

describe('matchesFilter', () => {
	const entry = makeCatalogEntry({ title: 'Double charge and a late fee', family: 'difficult-customer', channel: 'voice', difficulty: 2 });
	const fresh = progressByScenario([])(entry.id);

	it('searches titles without regard to case', () => {
		expect(matchesFilter(entry, fresh, { q: 'LATE fee' })).toBe(true);
		expect(matchesFilter(entry, fresh, { q: 'outage' })).toBe(false);
	});

	it('needs every given filter to hold', () => {
		expect(matchesFilter(entry, fresh, { family: 'difficult-customer', channel: 'voice', difficulty: 2, status: 'new' })).toBe(true);
		expect(matchesFilter(entry, fresh, { family: 'difficult-customer', channel: 'chat' })).toBe(false);
		expect(matchesFilter(entry, fresh, { status: 'passed' })).toBe(false);
	});
});

describe('oneLine', () => {
	it('keeps the first sentence of a situation', () => {
		expect(oneLine('Paid twice by mistake.\n  Then got a $25 late fee.')).toBe('Paid twice by mistake.');
		expect(oneLine('No full stop here')).toBe('No full stop here');
	});
});
