import type { Kysely } from 'kysely';

// Frozen in time once shipped: never import app code here.
// Per-criterion QA calibration (issue 8): one row per criterion of a calibration submission.
// calibration_submission is left as it is; its older rows simply have no criteria here.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('calibration_criterion_score')
		.addColumn('submission_id', 'text', (c) => c.notNull().references('calibration_submission.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('recording_key', 'text', (c) => c.notNull())
		.addColumn('criterion_id', 'text', (c) => c.notNull())
		.addColumn('score', 'integer', (c) => c.notNull())
		.addColumn('expert_score', 'integer', (c) => c.notNull())
		.addColumn('submitted_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('calibration_criterion_score_pk', ['submission_id', 'criterion_id'])
		.execute();
	// Peers: everyone's scores of one recording.
	await db.schema.createIndex('calibration_criterion_recording_idx').on('calibration_criterion_score').columns(['recording_key', 'user_id', 'submitted_at']).execute();
	await db.schema.createIndex('calibration_criterion_user_idx').on('calibration_criterion_score').columns(['user_id', 'submitted_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('calibration_criterion_score').execute();
}
