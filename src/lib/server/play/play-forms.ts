import { z } from 'zod';

/** The forms of the catalog, play and debrief pages, validated at the edge (house style §2). */
export const StartForm = z.object({ scenarioId: z.string().min(1).max(100) });

export const MAX_NOTES_LENGTH = 4000;

export const ChooseForm = z.object({
	seq: z.coerce.number().int().min(0).max(10_000),
	optionId: z.string().min(1, 'Choose one of the replies').max(100),
	// The learner's scratch notes ride along so a page without JavaScript can show them again.
	notes: z.string().max(MAX_NOTES_LENGTH, `Notes may be at most ${MAX_NOTES_LENGTH} characters`).optional()
});

export const formValues = async (request: Request) => Object.fromEntries(await request.formData());

/** What the play page says when a step is refused; the page below it shows where the attempt really is. */
export const STEP_MESSAGES: Partial<Record<string, string>> = {
	'stale-seq': 'That reply was not sent: this attempt had already moved on, perhaps in another tab. Here is where it stands now.',
	'option-not-offered': 'That reply is not on offer at this point. Choose one of the replies shown.'
};
