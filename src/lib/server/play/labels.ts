import type { Family } from '../../content/common-schema';
import type { AgentAction } from '../../content/option-schema';
import type { Outcome } from '../../content/outcomes';
import { OUTCOMES } from '../../content/outcomes';
import type { Scenario } from '../../content/scenario-schema';

/** Words people read on screen for the engine's ids; one place so every page says the same. */
export const FAMILY_LABELS: Record<Family, string> = {
	'difficult-customer': 'Difficult customer',
	'technical-troubleshooting': 'Technical troubleshooting',
	'sales-objection': 'Sales objection',
	leadership: 'Leadership'
};

export const CHANNEL_LABELS: Record<Scenario['channel'], string> = { voice: 'Call', chat: 'Chat', email: 'Email' };

/** What the CRM's activity log says once the agent has done it. */
export const ACTION_LABELS: Record<AgentAction, string> = {
	say: 'Spoke to the customer',
	'verify-identity': 'Identity verified',
	'look-up-account': 'Account looked up',
	'search-knowledge-base': 'Knowledge base searched',
	'place-on-hold': 'Customer placed on hold',
	'add-crm-note': 'Note added to the record',
	'change-account': 'Account changed',
	escalate: 'Escalated',
	transfer: 'Transferred',
	'end-contact': 'Contact ended'
};

export const outcomeLabel = (outcome: Outcome | null | undefined) => (outcome ? OUTCOMES[outcome].label : 'No outcome');

/** Mood and patience share a 0–10 scale; a word makes the number mean something mid-call. */
export const moodWord = (mood: number) =>
	mood <= 2 ? 'furious' : mood <= 4 ? 'annoyed' : mood <= 6 ? 'neutral' : mood <= 8 ? 'calm' : 'pleased';

export const patienceWord = (patience: number) =>
	patience <= 2 ? 'about to give up' : patience <= 4 ? 'running short' : patience <= 7 ? 'holding' : 'plenty';

/** Node ids are for authors; "account-open" reads better as "Account open". */
export const humanize = (id: string) => {
	const words = id.replace(/-/g, ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A long text in one line: its first sentence. */
export const oneLine = (text: string) => {
	const flat = text.replace(/\s+/g, ' ').trim();
	const end = flat.search(/[.!?](\s|$)/);
	return end === -1 ? flat : flat.slice(0, end + 1);
};
