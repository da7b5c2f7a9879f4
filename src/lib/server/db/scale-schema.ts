/* Tables of roll-ups and indexes for a large organisation (issue 9); part of the one `Database` in schema.ts. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScaleTables {}
