// Migrations are listed here (not discovered on disk) so they run the same from src/ and dist/.
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './db.js';
import * as m0001 from './migrations/2026_11_25_0001_foundation.js';
import * as m0002 from './migrations/2026_11_25_0002_cases.js';
import * as m0003 from './migrations/2026_11_25_0003_acts.js';
import * as m0004 from './migrations/2026_12_07_0004_accounts.js';
import * as m0005 from './migrations/2026_12_07_0005_keys.js';
import * as m0006 from './migrations/2026_12_07_0006_idempotency.js';
import * as m0007 from './migrations/2026_12_07_0007_detection.js';
import * as m0008 from './migrations/2026_12_07_0008_approval.js';
import * as m0009 from './migrations/2026_12_07_0009_organs.js';
import * as m0010 from './migrations/2026_12_07_0010_tolerance.js';
import * as m0011 from './migrations/2026_12_07_0011_pre_registrations.js';
import * as m0012 from './migrations/2026_12_07_0012_corrections.js';
import * as m0013 from './migrations/2026_12_07_0013_relief.js';
import * as m0014 from './migrations/2026_12_07_0014_duties.js';
import * as m0015 from './migrations/2026_12_07_0015_review.js';
import * as m0016 from './migrations/2026_12_08_0016_posts.js';
import * as m0017 from './migrations/2026_12_08_0017_duty_boundaries.js';
import * as m0018 from './migrations/2026_12_08_0018_publications.js';
import * as m0019 from './migrations/2026_12_08_0019_appeal_review.js';
import * as m0020 from './migrations/2026_12_08_0020_evaluation.js';
import * as m0021 from './migrations/2026_12_08_0021_portal_speed.js';

export const migrations: Record<string, Migration> = {
  '2026_11_25_0001_foundation': m0001,
  '2026_11_25_0002_cases': m0002,
  '2026_11_25_0003_acts': m0003,
  '2026_12_07_0004_accounts': m0004,
  '2026_12_07_0005_keys': m0005,
  '2026_12_07_0006_idempotency': m0006,
  '2026_12_07_0007_detection': m0007,
  '2026_12_07_0008_approval': m0008,
  '2026_12_07_0009_organs': m0009,
  '2026_12_07_0010_tolerance': m0010,
  '2026_12_07_0011_pre_registrations': m0011,
  '2026_12_07_0012_corrections': m0012,
  '2026_12_07_0013_relief': m0013,
  '2026_12_07_0014_duties': m0014,
  '2026_12_07_0015_review': m0015,
  '2026_12_08_0016_posts': m0016,
  '2026_12_08_0017_duty_boundaries': m0017,
  '2026_12_08_0018_publications': m0018,
  '2026_12_08_0019_appeal_review': m0019,
  '2026_12_08_0020_evaluation': m0020,
  '2026_12_08_0021_portal_speed': m0021,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Bring the schema up to date. Returns the names of the migrations applied now. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.raw, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
