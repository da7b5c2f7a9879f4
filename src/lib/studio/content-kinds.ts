/** What a trainer authors in the studio. Badges are files only. */
export type AuthoredKind = 'scenario' | 'rubric' | 'track';

export const AUTHORED_KINDS: readonly AuthoredKind[] = ['scenario', 'rubric', 'track'];

export const KIND_LABEL: Record<AuthoredKind, string> = { scenario: 'Scenario', rubric: 'Rubric', track: 'Track' };

/** The URL segment and content folder of a kind: `scenarios`, `rubrics`, `tracks`. */
export const kindFolder = (kind: AuthoredKind) => `${kind}s` as const;

export const kindOfFolder = (segment: string): AuthoredKind | undefined =>
	AUTHORED_KINDS.find((kind) => kindFolder(kind) === segment);

export const editorPath = (kind: AuthoredKind, id: string) => `/studio/${kindFolder(kind)}/${id}`;
