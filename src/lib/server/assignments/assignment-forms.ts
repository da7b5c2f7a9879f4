import { z } from 'zod';
import { dueDateProblem } from '../../assignments/assignee-status';
import type { AssignmentInput } from './assignment-service';

export const NOTE_MAX = 500;

const CONTENT = /^(scenario|track):[a-z0-9][a-z0-9-]{0,99}$/;
const text = z.string().trim().default('');

/**
 * The "New assignment" form. `content` is "scenario:<id>" or "track:<id>" (one select with a group
 * per kind); the target is a team from a list or a person by email. `today` is the caller's UTC
 * day, so a date in the past is a field error like any other. Every field is checked in one pass,
 * so the form names all its problems at once.
 */
export const newAssignmentForm = (today: string) =>
	z
		.object({ content: text, targetType: text, teamId: text, email: text.transform((v) => v.toLowerCase()), dueOn: text, note: text })
		.superRefine((form, ctx) => {
			const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
			if (!CONTENT.test(form.content)) problem('content', 'Choose a scenario or track');
			if (form.targetType === 'team' && !z.uuid().safeParse(form.teamId).success) problem('teamId', 'Choose a team');
			else if (form.targetType === 'user' && !z.email().safeParse(form.email).success) problem('email', 'Enter the email of the person');
			else if (form.targetType !== 'team' && form.targetType !== 'user') problem('targetType', 'Choose whether to assign a team or a person');
			const dueProblem = form.dueOn ? dueDateProblem(form.dueOn, today) : 'Choose a due date';
			if (dueProblem) problem('dueOn', dueProblem);
			if (form.note.length > NOTE_MAX) problem('note', `Keep the note to ${NOTE_MAX} characters`);
		})
		.transform(
			(form): AssignmentInput => ({
				kind: form.content.startsWith('scenario:') ? 'scenario' : 'track',
				contentId: form.content.slice(form.content.indexOf(':') + 1),
				target: form.targetType === 'team' ? { type: 'team', teamId: form.teamId } : { type: 'user', email: form.email },
				dueOn: form.dueOn,
				note: form.note
			})
		);
