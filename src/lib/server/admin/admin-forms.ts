import { z } from 'zod';

export const RoleField = z.enum(['learner', 'trainer', 'team_lead', 'admin']);

export const InviteForm = z.object({
	email: z.email('Enter a valid email address').trim().toLowerCase(),
	name: z.string().trim().min(1, 'Enter a name').max(120),
	role: RoleField,
	teamId: z.union([z.uuid(), z.literal('')]).optional()
});

export const RoleForm = z.object({ userId: z.uuid(), role: RoleField });
export const ActiveForm = z.object({ userId: z.uuid(), active: z.enum(['0', '1']) });
export const TeamNameForm = z.object({ name: z.string().trim().min(1, 'Enter a team name').max(80) });
export const RenameTeamForm = TeamNameForm.extend({ teamId: z.uuid() });
export const MembershipForm = z.object({ teamId: z.uuid(), userId: z.uuid(), change: z.enum(['add', 'remove', 'lead']) });
export const TokenIdForm = z.object({ id: z.uuid() });

const isoDay = z.iso.date().optional().or(z.literal('').transform(() => undefined));

export const AuditQuery = z.object({
	action: z.string().trim().max(80).optional().transform((v) => v || undefined),
	actor: z.union([z.uuid(), z.literal('')]).optional().transform((v) => v || undefined),
	from: isoDay,
	to: isoDay,
	page: z.coerce.number().int().min(1).max(100000).default(1)
});

/** The CSV arrives as an uploaded file or pasted text; either way it is text by the time zod sees it. */
export const CohortForm = z.object({ csv: z.string().trim().min(1, 'Choose a CSV file or paste its text').max(1_000_000, 'The file is too large') });

export async function cohortText(form: FormData): Promise<string> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) return file.text();
	return String(form.get('csv') ?? '');
}
