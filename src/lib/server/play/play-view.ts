import { SCALE_MAX } from '../../content/common-schema';
import type { AgentAction } from '../../content/option-schema';
import type { TranscriptEntry } from '../../dialogue/build-transcript';
import type { PlayState } from './attempt-service';
import { ACTION_LABELS, CHANNEL_LABELS, FAMILY_LABELS, moodWord, patienceWord } from './labels';

export interface ConversationLine {
	/** Stable as the conversation grows, so a live region announces only what is new. */
	key: string;
	speaker: 'customer' | 'agent';
	text: string;
	/** What the agent did beside talking (verify, look up, hold…), shown as a tag on their line. */
	activity?: string;
	action?: AgentAction;
}

export interface PlayView {
	attempt: { id: string; seq: number; status: string };
	scenario: {
		id: string;
		title: string;
		channel: 'voice' | 'chat' | 'email';
		channelLabel: string;
		family: string;
		personaName: string;
		situation: string;
	};
	conversation: ConversationLine[];
	customerLine: string;
	options: { id: string; text: string; shortcut: number | null }[];
	meters: { max: number; mood: number; moodWord: string; patience: number; patienceWord: string };
	clock: { elapsedSeconds: number; targetSeconds: number };
	facts: { id: string; text: string }[];
	crm: PlayState['walk']['turn']['crm'];
	/** Everything the agent has done to the record so far, oldest first. */
	activity: { turn: number; label: string; action: AgentAction }[];
	onHold: boolean;
}

export const conversationOf = (transcript: readonly TranscriptEntry[]): ConversationLine[] =>
	transcript.flatMap((entry, i) => {
		const lines: ConversationLine[] = [];
		if (entry.customer) lines.push({ key: `${i}-customer`, speaker: 'customer', text: entry.customer });
		if (entry.choice) {
			const action = entry.choice.action as AgentAction;
			lines.push({
				key: `${i}-agent`,
				speaker: 'agent',
				text: entry.choice.text,
				action,
				...(action !== 'say' ? { activity: ACTION_LABELS[action] } : {})
			});
		}
		return lines;
	});

const activityOf = (transcript: readonly TranscriptEntry[]) =>
	transcript.flatMap((entry, i) => {
		const action = entry.choice?.action as AgentAction | undefined;
		return action && action !== 'say' ? [{ turn: i + 1, label: ACTION_LABELS[action], action }] : [];
	});

/** The play page's view of an attempt in progress: what the learner sees, and nothing the server keeps to itself. */
export function playView(state: PlayState): PlayView {
	const { attempt, runtime, walk } = state;
	const { scenario } = runtime;
	const turn = walk.turn;
	const activity = activityOf(walk.transcript);
	return {
		attempt: { id: attempt.id, seq: attempt.seq, status: attempt.status },
		scenario: {
			id: scenario.id,
			title: scenario.title,
			channel: scenario.channel,
			channelLabel: CHANNEL_LABELS[scenario.channel],
			family: FAMILY_LABELS[scenario.family],
			personaName: scenario.persona.name,
			situation: scenario.persona.situation
		},
		conversation: conversationOf(walk.transcript),
		customerLine: turn.customer,
		options: turn.options.map((o, i) => ({ id: o.id, text: o.text, shortcut: i < 9 ? i + 1 : null })),
		meters: {
			max: SCALE_MAX,
			mood: turn.mood,
			moodWord: moodWord(turn.mood),
			patience: turn.patience,
			patienceWord: patienceWord(turn.patience)
		},
		clock: { elapsedSeconds: turn.elapsedSeconds, targetSeconds: scenario.target_handle_time },
		facts: turn.facts,
		crm: turn.crm,
		activity,
		onHold: activity.at(-1)?.action === 'place-on-hold' && activity.at(-1)?.turn === walk.transcript.length - 1
	};
}
