/* Tables of per-criterion QA calibration (issue 8); part of the one `Database` in schema.ts. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CalibrationTables {}
