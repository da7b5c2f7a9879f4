import type { NodeSpan } from './node-lines';

export type Pinned = { line: number; column: number; message: string; node?: string };
export type Conflict = { version: number; revision: string; source: string };

/** The fields an editor action may send back: text to refill, its problems, a conflict, a message. */
export type EditorAnswer = {
	source?: string;
	problems?: Pinned[];
	nodes?: NodeSpan[];
	current?: Conflict;
	message?: string;
	published?: { version: number };
	restored?: { version: number };
} | null;

/** The text the editor opens with: what a refused save sent back (no JavaScript), else the latest saved. */
export const openingSource = (saved: { source: string }, answer: unknown) => (answer as EditorAnswer)?.source ?? saved.source;
