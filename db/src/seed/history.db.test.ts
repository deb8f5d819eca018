import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../client';
import { loadReferenceData } from '../reference/load';
import { openTestDatabase, type TestDatabase } from '../testing';
import { seedDemoData } from './demo';
import { seedAssignmentHistory } from './history';

const today = '2026-06-15';
const population = { volunteers: 150, today, passwordHash: '$argon2id$demo', seed: 7 };
const history = { assignments: 1_200, upcoming: 80, today, seed: 11 };

async function seeded(): Promise<TestDatabase> {
  const test = await openTestDatabase();
  await loadReferenceData(test.database.db);
  await seedDemoData(test.database.db, population);
  return test;
}

function rows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** Every assignment with what matching reads of it and of its request, in a stable order. */
async function assignments(db: Db) {
  return rows<{
    id: string;
    volunteer_id: string;
    status: string;
    busy_from: string;
    busy_until: string;
    starts_at: string;
    modality: string;
    language_code: string;
    request_status: string;
    dispatch_stage: string;
  }>(
    await db.execute(sql`
      select a.id, a.volunteer_id, a.status, a.busy_from::text, a.busy_until::text, r.starts_at::text,
        r.modality, r.language_code, r.status as request_status, r.dispatch_stage
      from assignments a join requests r on r.id = a.request_id
      order by a.id`),
  );
}

describe('the assignment history of the demo population', () => {
  let first: TestDatabase;
  beforeAll(async () => {
    first = await seeded();
    await seedAssignmentHistory(first.database.db, history);
  }, 120_000);
  afterAll(() => first?.dispose());

  test('has as many past assignments as asked, mostly completed, and the bookings ahead confirmed', async () => {
    const all = await assignments(first.database.db);
    const past = all.filter((assignment) => assignment.starts_at < today);
    const ahead = all.filter((assignment) => assignment.starts_at > today);
    expect(past).toHaveLength(history.assignments);
    expect(ahead).toHaveLength(history.upcoming);
    expect(ahead.every((assignment) => assignment.status === 'confirmed')).toBe(true);
    expect(ahead.every((assignment) => assignment.request_status === 'filled')).toBe(true);
    // The dispatch stage says the same as the status, as if dispatch had carried each request there.
    const stageOf: Record<string, string> = { filled: 'confirmed', completed: 'completed', cancelled: 'cancelled' };
    expect(all.filter((assignment) => stageOf[assignment.request_status] !== assignment.dispatch_stage)).toEqual([]);
    const share = (status: string) => past.filter((assignment) => assignment.status === status).length / past.length;
    expect(share('completed')).toBeGreaterThan(0.9);
    expect(share('no_show')).toBeGreaterThan(0);
    expect(share('cancelled')).toBeGreaterThan(0);
    expect(share('confirmed')).toBe(0);
  });

  test('spreads the past over the year before today and the bookings over the weeks after', async () => {
    const all = await assignments(first.database.db);
    const days = all.map((assignment) => assignment.starts_at.slice(0, 10)).sort();
    expect(days[0]).toBeDefined();
    expect(`${days[0]}` >= '2025-06-15').toBe(true);
    expect(`${days.at(-1)}` <= '2026-08-14').toBe(true);
    const months = new Set(
      all.filter((assignment) => assignment.starts_at < today).map((assignment) => assignment.starts_at.slice(0, 7)),
    );
    expect(months.size).toBeGreaterThanOrEqual(12);
  });

  test('never books a volunteer twice at once, nor beyond their monthly cap', async () => {
    const { db } = first.database;
    const [overlaps] = rows<{ count: number }>(
      await db.execute(sql`
        select count(*)::int as count from assignments a join assignments b
          on a.volunteer_id = b.volunteer_id and a.id < b.id
          and tstzrange(a.busy_from, a.busy_until) && tstzrange(b.busy_from, b.busy_until)`),
    );
    expect(overlaps?.count).toBe(0);
    const [overCap] = rows<{ count: number }>(
      await db.execute(sql`
        select count(*)::int as count from (
          select v.id from volunteers v
          join assignments a on a.volunteer_id = v.id and a.status in ('confirmed', 'completed')
          join requests r on r.id = a.request_id
          where v.monthly_cap is not null
          group by v.id, v.monthly_cap, date_trunc('month', r.starts_at at time zone 'Asia/Tokyo')
          having count(*) > v.monthly_cap) over_cap`),
    );
    expect(overCap?.count).toBe(0);
  });

  test('gives each volunteer work they could do: their language, their hours, their association, busy as booked', async () => {
    const { db } = first.database;
    const [misfits] = rows<{ language: number; hours: number; association: number; busy: number }>(
      await db.execute(sql`
        select
          count(*) filter (where not exists (
            select 1 from volunteer_languages l
            where l.volunteer_id = a.volunteer_id and l.language_code = r.language_code
              and l.level in ('native', 'fluent', 'business') and 'interpretation' = any(l.directions)))::int as language,
          count(*) filter (where not exists (
            select 1 from availability_windows w
            where w.volunteer_id = a.volunteer_id
              and w.weekday = extract(isodow from r.starts_at at time zone 'Asia/Tokyo')
              and w.start_minute <= extract(hour from r.starts_at at time zone 'Asia/Tokyo') * 60
                + extract(minute from r.starts_at at time zone 'Asia/Tokyo')
              and w.end_minute >= extract(hour from r.ends_at at time zone 'Asia/Tokyo') * 60
                + extract(minute from r.ends_at at time zone 'Asia/Tokyo')))::int as hours,
          count(*) filter (where not exists (
            select 1 from volunteer_memberships m
            where m.volunteer_id = a.volunteer_id and m.association_id = r.association_id))::int as association,
          count(*) filter (where
            a.busy_from <> r.starts_at - case r.modality when 'on_site' then interval '30 minutes' else interval '0' end
            or a.busy_until <> r.ends_at + case r.modality when 'on_site' then interval '30 minutes' else interval '0' end)::int as busy
        from assignments a join requests r on r.id = a.request_id`),
    );
    expect(misfits).toEqual({ language: 0, hours: 0, association: 0, busy: 0 });
  });

  test('a second run adds nothing', async () => {
    const before = await assignments(first.database.db);
    const again = await seedAssignmentHistory(first.database.db, history);
    expect(again.added).toBe(false);
    expect(await assignments(first.database.db)).toEqual(before);
  });

  test('the same population, seed and day give the same history, ids included', async () => {
    const second = await seeded();
    try {
      await seedAssignmentHistory(second.database.db, history);
      expect(await assignments(second.database.db)).toEqual(await assignments(first.database.db));
    } finally {
      await second.dispose();
    }
  }, 120_000);
});

test('a population too small for the history asked says so, and writes nothing', async () => {
  const small = await seeded();
  try {
    await expect(seedAssignmentHistory(small.database.db, { assignments: 1_000_000, today, seed: 1 })).rejects.toThrow(
      /could not place/,
    );
    expect(await assignments(small.database.db)).toEqual([]);
  } finally {
    await small.dispose();
  }
}, 120_000);
