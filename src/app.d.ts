import type { Actor } from '$lib/server/access';

declare global {
	namespace App {
		interface Locals {
			user?: Actor;
			/** How the caller proved who they are: a browser session or a personal access token. */
			via?: 'session' | 'token';
			requestId: string;
		}
		interface Error {
			message: string;
			errorId?: string;
		}
	}
}

declare module '@auth/core/jwt' {
	interface JWT {
		sid?: string;
	}
}

export {};
