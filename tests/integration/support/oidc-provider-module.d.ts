/**
 * oidc-provider ships no types (and @types/oidc-provider lags its major versions), so this
 * declares only the parts `oidc-provider.ts` uses.
 */
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	interface Interaction {
		grantId?: string;
		params: Record<string, unknown>;
		prompt: { name: 'login' | 'consent' | (string & {}); details: Record<string, unknown> };
		session?: { accountId: string };
	}

	class Grant {
		constructor(init: { accountId: string; clientId: string });
		static find(id: string): Promise<Grant | undefined>;
		addOIDCScope(scope: string): void;
		addOIDCClaims(claims: string[]): void;
		save(): Promise<string>;
	}

	export class Provider {
		constructor(issuer: string, configuration: Record<string, unknown>);
		readonly Grant: typeof Grant;
		on(event: 'server_error', listener: (ctx: unknown, error: Error) => void): this;
		callback(): (req: IncomingMessage, res: ServerResponse) => void;
		interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
		interactionFinished(
			req: IncomingMessage,
			res: ServerResponse,
			result: Record<string, unknown>,
			options?: { mergeWithLastSubmission?: boolean }
		): Promise<void>;
	}
}
