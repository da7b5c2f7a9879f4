/**
 * How a contact can end. The list is fixed so scoring and reports mean the same thing
 * in every scenario; `resolution` is the default first-contact-resolution credit (0–100),
 * or null when resolution does not apply (ending an abusive call per policy is correct,
 * not a failure to resolve).
 */
export const OUTCOMES = {
	resolved: { label: 'Resolved', resolution: 100 },
	'sale-closed': { label: 'Sale closed', resolution: 100 },
	'resolved-after-escalation': { label: 'Resolved after escalation', resolution: 85 },
	'escalated-correctly': { label: 'Escalated correctly', resolution: 70 },
	'respectful-exit': { label: 'Respectful exit', resolution: 70 },
	'follow-up-agreed': { label: 'Follow-up agreed', resolution: 60 },
	unresolved: { label: 'Unresolved', resolution: 20 },
	'customer-lost': { label: 'Customer lost', resolution: 0 },
	'customer-hung-up': { label: 'Customer hung up', resolution: 0 },
	'compliance-failure': { label: 'Compliance failure', resolution: 0 },
	'ended-for-abuse': { label: 'Contact ended for abuse, per policy', resolution: null }
} as const satisfies Record<string, { label: string; resolution: number | null }>;

export type Outcome = keyof typeof OUTCOMES;

export const OUTCOME_IDS = Object.keys(OUTCOMES) as [Outcome, ...Outcome[]];
