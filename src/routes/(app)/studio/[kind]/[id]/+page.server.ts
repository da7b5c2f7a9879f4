import { error } from '@sveltejs/kit';
import { editorActions, loadEditorPage } from '$lib/server/studio/editor-actions';
import type { Actions, PageServerLoad } from './$types';

// Rubrics and tracks; scenarios have their own page (map, play-test) under /studio/scenarios.
export const load = (async ({ locals, params }) => {
	if (params.kind !== 'rubrics' && params.kind !== 'tracks') error(404, 'Not found');
	return loadEditorPage(locals, params);
}) satisfies PageServerLoad;

export const actions = editorActions() satisfies Actions;
