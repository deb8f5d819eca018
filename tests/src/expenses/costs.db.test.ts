import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { ForbiddenError, type Viewer } from '@tsunagu/domain';
import { createExpenseLinesForReport } from '@tsunagu/services';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertAssociation, insertOrganization, insertRequester, insertStaffMember } from '../support/fixtures';
import { coordinatorOf, type ExpenseWorld, insertDispatch, insertExpenseWorld } from './world';

/**
 * What a requesting office and a volunteer see of the expense lines: the office its requests'
 * costs and who bears them, the volunteer what they were or will be paid. Drafts stay with the
 * coordinators.
 */

let testDb: TestDatabase;
let world: ExpenseWorld;
const db = () => testDb.database.db;
let officeStaff: Viewer;
let volunteer: Viewer;
const dispatches: Record<string, Awaited<ReturnType<typeof insertDispatch>>> = {};

async function reportLines(assignmentId: string) {
  return db().transaction((tx) =>
    createExpenseLinesForReport(tx, assignmentId, { actorUserId: world.coordinator.userId, now: world.clock.now() }),
  );
}

const kindsOf = (lines: ReadonlyArray<{ kind: string; amountYen: number; status: string }>) =>
  lines.map((line) => [line.kind, line.amountYen, line.status]);

beforeAll(async () => {
  testDb = await openTestDatabase();
  world = await insertExpenseWorld(db(), '2027-03-20T10:00:00');
  const { expenses } = world.services;
  officeStaff = {
    userId: (await insertRequester(db(), world.organizationId)).id,
    locale: 'en',
    organizationId: world.organizationId,
    volunteerId: null,
    coordinatorOf: [],
    adminOf: [],
  };

  // May: 5 hours at the city's desk (2 jobs, ¥7,000) and a ¥2,400 fare capped at ¥2,000; the
  // association lends a receiver set, and has a second cost still in draft.
  dispatches.may = await insertDispatch(db(), world, {
    startsAt: '2026-05-12T13:00:00+09:00',
    endsAt: '2026-05-12T18:00:00+09:00',
    transportFareYen: 2400,
  });
  await reportLines(dispatches.may.assignment.id);
  const equipment = await expenses.createLine(world.coordinator, {
    assignmentId: dispatches.may.assignment.id,
    kind: 'equipment',
    amountYen: 3000,
    payer: 'association',
  });
  await expenses.advanceLines(world.coordinator, [equipment.id], 'submitted');
  await expenses.createLine(world.coordinator, {
    assignmentId: dispatches.may.assignment.id,
    kind: 'other',
    amountYen: 1000,
    payer: 'association',
  });

  // February: the same volunteer again, 2 hours and a ¥640 fare; approved, the honorarium paid,
  // then reversed (the reversal is a draft until submitted) and entered again at ¥3,000.
  dispatches.february = await insertDispatch(db(), world, {
    startsAt: '2027-02-03T10:00:00+09:00',
    endsAt: '2027-02-03T12:00:00+09:00',
    volunteerId: dispatches.may.volunteer.id,
  });
  const february = await reportLines(dispatches.february.assignment.id);
  const ids = february.map((line) => line.id);
  await expenses.advanceLines(world.coordinator, ids, 'approved');
  const honorarium = february.find((line) => line.kind === 'honorarium');
  if (!honorarium) throw new Error('no honorarium');
  // Paid as a confirmed payout run pays it (payouts are tested in tests/src/payouts).
  await db().update(schema.expenseLines).set({ status: 'paid' }).where(eq(schema.expenseLines.id, honorarium.id));
  const reversal = await expenses.reverseLine(world.coordinator, honorarium.id, 'Two hours were one and a half');
  await expenses.advanceLines(world.coordinator, [reversal.id], 'submitted');
  await expenses.createLine(world.coordinator, {
    assignmentId: dispatches.february.assignment.id,
    kind: 'honorarium',
    amountYen: 3000,
    payer: 'requester',
  });

  // The year before, and the prefecture's office this year: neither is the city's FY2026.
  dispatches.lastYear = await insertDispatch(db(), world, {
    startsAt: '2026-03-10T10:00:00+09:00',
    endsAt: '2026-03-10T12:00:00+09:00',
    volunteerId: dispatches.may.volunteer.id,
  });
  await reportLines(dispatches.lastYear.assignment.id);
  dispatches.prefecture = await insertDispatch(db(), world, {
    startsAt: '2026-07-01T10:00:00+09:00',
    endsAt: '2026-07-01T12:00:00+09:00',
    organizationId: world.prefecturalOfficeId,
  });
  await reportLines(dispatches.prefecture.assignment.id);

  volunteer = {
    userId: dispatches.may.volunteer.userId,
    locale: 'en',
    organizationId: null,
    volunteerId: dispatches.may.volunteer.id,
    coordinatorOf: [],
    adminOf: [],
  };
});
afterAll(async () => {
  await testDb?.dispose();
});

describe('a request’s costs', () => {
  test('the office sees the submitted lines, not the drafts, and what it pays against what the association bears', async () => {
    const costs = await world.services.costs.ofRequest(officeStaff, dispatches.may?.request.id ?? '');
    expect(kindsOf(costs.lines).sort()).toEqual([
      ['equipment', 3000, 'submitted'],
      ['honorarium', 7000, 'submitted'],
      ['transport', 2000, 'submitted'],
    ]);
    expect(costs.totals).toEqual({ totalYen: 12000, requesterYen: 9000, associationYen: 3000, personServedYen: 0 });
  });

  test('a reversal shows once submitted, and the correction once it is no longer a draft', async () => {
    const costs = await world.services.costs.ofRequest(world.coordinator, dispatches.february?.request.id ?? '');
    expect(costs.lines.map((line) => [line.kind, line.amountYen, line.status, line.reversal])).toEqual([
      ['honorarium', 3500, 'paid', false],
      ['transport', 640, 'approved', false],
      ['honorarium', -3500, 'submitted', true],
    ]);
    expect(costs.totals.requesterYen).toBe(640);
  });

  test('another office and another association’s coordinators may not see it', async () => {
    const otherOffice = await insertOrganization(db(), world.associationId, { name: '吹田市役所' });
    const otherStaff: Viewer = { ...officeStaff, organizationId: otherOffice.id };
    const otherAssociation = await insertAssociation(db(), { slug: 'kobe-costs' });
    const stranger = coordinatorOf(
      otherAssociation.id,
      (await insertStaffMember(db(), otherAssociation.id, 'coordinator')).id,
    );
    for (const viewer of [otherStaff, stranger]) {
      await expect(world.services.costs.ofRequest(viewer, dispatches.may?.request.id ?? '')).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(world.services.costs.ofOrganization(viewer, world.organizationId, 2026)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
  });
});

describe('an organization’s fiscal year', () => {
  test('per month and per request, with the office’s share; other years and other offices left out', async () => {
    const year = await world.services.costs.ofOrganization(officeStaff, world.organizationId, 2026);
    expect(year.requests.map((request) => [request.requestId, request.totalYen, request.requesterYen])).toEqual([
      [dispatches.may?.request.id, 12000, 9000],
      [dispatches.february?.request.id, 640, 640],
    ]);
    const nonEmpty = year.months.filter((month) => month.totalYen !== 0);
    expect(nonEmpty.map((month) => [month.month, month.totalYen, month.requesterYen, month.associationYen])).toEqual([
      ['2026-05', 12000, 9000, 3000],
      ['2027-02', 640, 640, 0],
    ]);
    expect(year.totals).toEqual({ totalYen: 12640, requesterYen: 9640, associationYen: 3000, personServedYen: 0 });

    const lastYear = await world.services.costs.ofOrganization(officeStaff, world.organizationId, 2025);
    expect(lastYear.requests.map((request) => request.requestId)).toEqual([dispatches.lastYear?.request.id]);
  });

  test('the association’s coordinators see the same year', async () => {
    const year = await world.services.costs.ofOrganization(world.coordinator, world.organizationId, 2026);
    expect(year.totals.totalYen).toBe(12640);
  });
});

describe('a volunteer’s honoraria', () => {
  test('their fees and fares of the year, paid or to be paid, and not the equipment nor the drafts', async () => {
    const year = await world.services.costs.honorariaOf(volunteer, 2026);
    expect(year.lines.map((line) => [line.activityDate, line.kind, line.amountYen, line.status])).toEqual([
      ['2026-05-12', 'honorarium', 7000, 'submitted'],
      ['2026-05-12', 'transport', 2000, 'submitted'],
      ['2027-02-03', 'honorarium', 3500, 'paid'],
      ['2027-02-03', 'transport', 640, 'approved'],
      ['2027-02-03', 'honorarium', -3500, 'submitted'],
    ]);
    expect([year.paidYen, year.approvedYen, year.submittedYen, year.totalYen]).toEqual([3500, 640, 5500, 9640]);
  });

  test('the year before is its own, and another volunteer sees only theirs', async () => {
    const lastYear = await world.services.costs.honorariaOf(volunteer, 2025);
    expect(lastYear.lines.map((line) => line.requestId)).toEqual([
      dispatches.lastYear?.request.id,
      dispatches.lastYear?.request.id,
    ]);
    const other: Viewer = { ...volunteer, volunteerId: dispatches.prefecture?.volunteer.id ?? null };
    const theirs = await world.services.costs.honorariaOf(other, 2026);
    expect(new Set(theirs.lines.map((line) => line.requestId))).toEqual(new Set([dispatches.prefecture?.request.id]));
  });

  test('someone who is no volunteer has none', async () => {
    await expect(world.services.costs.honorariaOf(officeStaff, 2026)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
