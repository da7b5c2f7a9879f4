/*
 * Tables for a large organisation (issue 9); part of the one `Database` in schema.ts. Migration
 * 0009 adds indexes only: the pages it measured needed no roll-up of their own (XP, streaks and
 * weekly XP already roll up in learner_progress and weekly_xp; analytics has its own tables).
 */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScaleTables {}
