/* Tables of scenario analytics (issue 7); part of the one `Database` in schema.ts. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AnalyticsTables {}
