import type { Kysely } from 'kysely';

// Frozen in time once shipped: never import app code here.
// Reserved for per-criterion QA calibration (issue 8); filled in by that work.
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
