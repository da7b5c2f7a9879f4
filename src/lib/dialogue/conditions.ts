import type { Condition } from '../content/common-schema';
import type { ConversationState } from './dialogue-types';

/** True when every test the trainer wrote holds right now. */
export const meetsCondition = (condition: Condition, state: ConversationState): boolean =>
	(condition.flags ?? []).every((f) => state.flags.includes(f)) &&
	(condition.without ?? []).every((f) => !state.flags.includes(f)) &&
	(condition.facts ?? []).every((f) => state.facts.includes(f)) &&
	(condition.mood_at_least === undefined || state.mood >= condition.mood_at_least) &&
	(condition.mood_below === undefined || state.mood < condition.mood_below) &&
	(condition.patience_at_least === undefined || state.patience >= condition.patience_at_least) &&
	(condition.patience_below === undefined || state.patience < condition.patience_below) &&
	(condition.after === undefined || state.elapsedSeconds >= condition.after);
