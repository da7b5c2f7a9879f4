import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newAssignmentForm } from '../../../src/lib/server/assignments/assignment-forms';

const TODAY = '2026-11-20';
const TEAM = '6f1c1a52-7d3e-4c57-9a55-0a1f5b8f2c11';
const parse = (values: Record<string, string>) => newAssignmentForm(TODAY).safeParse(values);
const fieldErrors = (values: Record<string, string>) => {
	const result = parse(values);
	return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe('newAssignmentForm', () => {
	it('turns a team form into a scenario assignment for that team', () => {
		const result = parse({ content: 'scenario:billing-dispute', targetType: 'team', teamId: TEAM, email: '', dueOn: '2026-11-27', note: '  Before Friday  ' });
		expect(result.success && result.data).toEqual({
			kind: 'scenario',
			contentId: 'billing-dispute',
			target: { type: 'team', teamId: TEAM },
			dueOn: '2026-11-27',
			note: 'Before Friday'
		});
	});

	it('turns a person form into a track assignment for their email', () => {
		const result = parse({ content: 'track:senior-representative', targetType: 'user', email: ' Rep@Demo.test ', dueOn: TODAY });
		expect(result.success && result.data).toMatchObject({ kind: 'track', contentId: 'senior-representative', target: { type: 'user', email: 'rep@demo.test' }, note: '' });
	});

	it('names every field that is wrong', () => {
		expect(fieldErrors({ content: 'quiz:x', targetType: 'team', teamId: 'nope', dueOn: '2026-11-19', note: 'x'.repeat(501) })).toEqual({
			content: ['Choose a scenario or track'],
			teamId: ['Choose a team'],
			dueOn: ['Choose a due date from today on, not in the past'],
			note: ['Keep the note to 500 characters']
		});
	});

	it('asks for an email when assigning to a person, and for a due date when there is none', () => {
		expect(fieldErrors({ content: 'scenario:billing-dispute', targetType: 'user', email: 'not an email' })).toMatchObject({
			email: ['Enter the email of the person'],
			dueOn: ['Choose a due date']
		});
	});
});
