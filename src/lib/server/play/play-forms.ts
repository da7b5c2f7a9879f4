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
