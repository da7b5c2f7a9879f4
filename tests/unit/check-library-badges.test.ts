import { describe, expect, it } from 'vitest';
import { checkLibrary } from '$lib/content/check-library';
import { formatProblem } from '$lib/content/problem';
import { baseLibrary, positionOf, replaceOnce } from '../factories/content-fixtures';

const BADGE_PATH = 'content/badges/first-refund.yaml';
const BADGE_YAML = `id: first-refund
title: First refund
description: Refunded a customer by the book.
icon: shield
rule:
  kind: passes
  scenario: basic
  without_critical_failure: true
`;

const check = (edit: (text: string) => string = (t) => t) => {
	const text = edit(BADGE_YAML);
	const library = checkLibrary([...baseLibrary(), { path: BADGE_PATH, text }]);
	const problems = library.problems.filter((p) => p.path === BADGE_PATH).map(formatProblem);
	return { library, problems, at: (needle: string) => `${BADGE_PATH}:${positionOf(text, needle)}` };
};

describe('checkLibrary on badges', () => {
	it('loads a valid badge from the badges folder', () => {
		const { library, problems } = check();
		expect(problems).toEqual([]);
		expect(library.badges).toEqual([expect.objectContaining({ id: 'first-refund', icon: 'shield', rule: expect.objectContaining({ count: 1 }) })]);
	});

	it('reports an icon the app cannot draw, listing the ones it can', () => {
		const { problems, at } = check(replaceOnce('icon: shield', 'icon: unicorn'));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(new RegExp(`^${at('unicorn')}: icon: .*headset`));
	});

	it('reports a scenario that does not exist', () => {
		const { problems, at } = check(replaceOnce('scenario: basic', 'scenario: advanced'));
		expect(problems).toEqual([`${at('advanced')}: no scenario with id "advanced"`]);
	});

	it('reports a family that does not match the named scenario', () => {
		const { problems, at } = check(replaceOnce('  scenario: basic\n', '  scenario: basic\n  family: leadership\n'));
		expect(problems).toEqual([`${at('leadership')}: scenario "basic" is in the difficult-customer family, not leadership`]);
	});

	it('reports a criterion the rubric does not have', () => {
		const { problems, at } = check(replaceOnce('  kind: passes\n  scenario: basic\n  without_critical_failure: true\n', '  kind: criterion\n  rubric: basic\n  criterion: speed\n'));
		expect(problems).toEqual([`${at('speed')}: rubric "basic" has no criterion "speed"`]);
	});

	it('reports more distinct scenarios than the library has', () => {
		const { problems, at } = check(replaceOnce('  scenario: basic\n', '  count: 3\n  distinct: true\n'));
		expect(problems).toEqual([`${at('3')}: asks for 3 different scenarios, but the library has 1 that match`]);
	});

	it('reports an unknown certification track', () => {
		const { problems, at } = check(replaceOnce('  kind: passes\n  scenario: basic\n  without_critical_failure: true\n', '  kind: certification\n  track: no-such-track\n'));
		expect(problems).toEqual([`${at('no-such-track')}: no track with id "no-such-track"`]);
	});
});
