import type { ContentFile } from '$lib/content/content-limits';

/**
 * A small valid library: one rubric, one scenario and one track. Tests break one thing
 * with `replaceOnce` and check the exact line and column of the problem.
 */
export const RUBRIC_PATH = 'content/rubrics/basic.yaml';
export const SCENARIO_PATH = 'content/scenarios/difficult-customer/basic.yaml';
export const TRACK_PATH = 'content/tracks/basic.yaml';

export const RUBRIC_YAML = `id: basic
title: Basic scorecard
criteria:
  - id: safety
    label: Safety
    description: Checks identity first.
    weight: 30
    critical: all
    levels:
      0: Skipped
      1: Late
      2: On time
  - id: care
    label: Care
    description: Acknowledges the customer.
    weight: 30
    levels:
      0: Cold
      1: Polite
      2: Warm
  - id: resolution
    label: Resolution
    description: How it ended.
    weight: 40
    measure: resolution
    levels:
      0: Lost
      1: Resolved
`;

export const SCENARIO_YAML = `id: basic
title: Basic refund
family: difficult-customer
channel: chat
difficulty: 1
rubric: basic
target_handle_time: 2m
persona:
  name: Sam Lee
  situation: Wants a refund.
  mood: 5
  patience: 3
crm:
  fields:
    Name: Sam Lee
    Balance: $10.00
facts:
  overcharged: Sam was charged $10 twice.
nodes:
  greet:
    customer: I want my money back.
    options:
      - id: verify
        text: Let me check who you are first.
        action: verify-identity
        effects: { set: verified, mood: +1 }
        evidence: { safety: 2, care: 1 }
        go: refund
      - id: rush
        text: Sure thing.
        evidence: { care: 2 }
        go: refund
  refund:
    customer: So?
    options:
      - id: give-refund
        text: Refund done.
        action: change-account
        requires: verified
        otherwise:
          go: breach
          evidence: { safety: fail }
        effects: { update: { Balance: $0.00 }, reveal: overcharged }
        evidence: { care: 2 }
        go: done
  done:
    customer: Thanks.
    outcome: resolved
  breach:
    outcome: compliance-failure
`;

export const TRACK_YAML = `id: basic-track
title: Basic track
level: 1
skills: [care]
requirements:
  - id: pass-basic
    kind: scenarios
    scenarios: [basic]
`;

export const baseLibrary = (): ContentFile[] => [
	{ path: RUBRIC_PATH, text: RUBRIC_YAML },
	{ path: SCENARIO_PATH, text: SCENARIO_YAML },
	{ path: TRACK_PATH, text: TRACK_YAML }
];

/** The library with one file's text edited; fails loudly if the edit does not apply. */
export const libraryWith = (path: string, edit: (text: string) => string): ContentFile[] =>
	baseLibrary().map((file) => (file.path === path ? { ...file, text: edit(file.text) } : file));

export const replaceOnce = (from: string, to: string) => (text: string): string => {
	const at = text.indexOf(from);
	if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`Fixture edit needs exactly one "${from}"`);
	return text.slice(0, at) + to + text.slice(at + from.length);
};

/** `line:col` (1-based) of the first occurrence of `needle` after `after`, computed independently of the parser. */
export const positionOf = (text: string, needle: string, after = ''): string => {
	const start = after ? text.indexOf(after) : 0;
	const offset = text.indexOf(needle, start === -1 ? 0 : start);
	if (offset === -1) throw new Error(`"${needle}" not found in fixture`);
	const before = text.slice(0, offset).split('\n');
	return `${before.length}:${before.at(-1)!.length + 1}`;
};
