import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { expenseKinds } from '../expenses/rates';
import { correctionOf, type PayableLine, type Payment, planRun, totalsOf } from './runs';
import { defaultWithholdingSettings } from './withholding';

const none = new Set<string>();
const settings = defaultWithholdingSettings;

describe('a month’s payout run', () => {
  const lines: PayableLine[] = [
    { id: 'a-honorarium', volunteerId: 'anh', kind: 'honorarium', amountYen: 3_500 },
    { id: 'a-fare', volunteerId: 'anh', kind: 'transport', amountYen: 640 },
    { id: 't-fee', volunteerId: 'taro', kind: 'translation_fee', amountYen: 1_500 },
    { id: 't-equipment', volunteerId: 'taro', kind: 'equipment', amountYen: 9_800 },
    { id: 'm-honorarium', volunteerId: 'maria', kind: 'honorarium', amountYen: 2_300 },
  ];

  test('Anh’s honorarium and fare are one payment: ¥4,140 gross, ¥422 withheld, ¥3,718 net', () => {
    const plan = planRun({ lines, taken: none, declining: none, settings });
    expect(plan.payments.find((payment) => payment.volunteerId === 'anh')).toEqual({
      volunteerId: 'anh',
      lineIds: ['a-honorarium', 'a-fare'],
      grossYen: 4_140,
      subjectYen: 4_140,
      withheldYen: 422,
      netYen: 3_718,
    });
  });

  test('with fares left out by the setting, only the honorarium is withheld on: ¥357', () => {
    const plan = planRun({ lines, taken: none, declining: none, settings: { withholdOnTransport: false } });
    expect(plan.payments.find((payment) => payment.volunteerId === 'anh')).toMatchObject({
      grossYen: 4_140,
      subjectYen: 3_500,
      withheldYen: 357,
      netYen: 3_783,
    });
  });

  test('equipment is not the volunteer’s to be paid: Taro gets his translation fee only', () => {
    const plan = planRun({ lines, taken: none, declining: none, settings });
    expect(plan.payments.find((payment) => payment.volunteerId === 'taro')).toMatchObject({
      lineIds: ['t-fee'],
      grossYen: 1_500,
      withheldYen: 153,
      netYen: 1_347,
    });
  });

  test('Maria declines payment: nothing withheld or transferred, her line left out', () => {
    const plan = planRun({ lines, taken: none, declining: new Set(['maria']), settings });
    expect(plan.payments.map((payment) => payment.volunteerId)).toEqual(['anh', 'taro']);
    expect(plan.leftOut).toEqual(['m-honorarium']);
  });

  test('a line another run took is not taken again', () => {
    const plan = planRun({ lines, taken: new Set(['a-honorarium']), declining: none, settings });
    expect(plan.payments.find((payment) => payment.volunteerId === 'anh')?.lineIds).toEqual(['a-fare']);
  });

  test('the totals are those of the payments', () => {
    const plan = planRun({ lines, taken: none, declining: none, settings });
    expect(plan.totals).toEqual({ lines: 4, payments: 3, grossYen: 7_940, withheldYen: 809, netYen: 7_131 });
  });

  test('a correcting run reverses every payment: both runs together come to nothing', () => {
    const { payments } = planRun({ lines, taken: none, declining: none, settings });
    const both = totalsOf([
      ...payments,
      ...payments.map((payment) => correctionOf(payment, [], payment.lineIds, settings)),
    ]);
    expect([both.grossYen, both.withheldYen, both.netYen]).toEqual([0, 0, 0]);
  });

  test('reversing one job of two: the payment keeps what the other is paid, withheld on once', () => {
    const jobs: PayableLine[] = [
      { id: 'job-1', volunteerId: 'anh', kind: 'honorarium', amountYen: 3_500 },
      { id: 'job-2', volunteerId: 'anh', kind: 'honorarium', amountYen: 3_500 },
    ];
    const [payment] = planRun({ lines: jobs, taken: none, declining: none, settings }).payments;
    if (!payment) throw new Error('no payment');
    // ¥7,000 withheld ¥714; ¥3,500 alone is withheld ¥357, so ¥357 comes back with ¥3,143 of the net.
    expect(correctionOf(payment, jobs.slice(1), ['job-1'], settings)).toEqual({
      volunteerId: 'anh',
      lineIds: ['job-1'],
      grossYen: -3_500,
      subjectYen: -3_500,
      withheldYen: -357,
      netYen: -3_143,
    });
  });
});

describe('runs over random months (property)', () => {
  const line = fc.record({
    id: fc.integer({ min: 1, max: 60 }).map((n) => `line-${n}`),
    volunteerId: fc.constantFrom('anh', 'taro', 'maria', 'sofia', 'wei'),
    kind: fc.constantFrom(...expenseKinds),
    amountYen: fc.integer({ min: 1, max: 1_500_000 }),
  });
  const month = fc.record({
    lines: fc.uniqueArray(line, { maxLength: 40, selector: (candidate) => candidate.id }),
    runs: fc.integer({ min: 1, max: 4 }),
    declining: fc.subarray(['anh', 'taro', 'maria', 'sofia', 'wei']),
    withholdOnTransport: fc.boolean(),
  });

  test('every line is paid at most once net of reversals, gross = net + withheld for each person, and the totals equal the lines', () => {
    fc.assert(
      fc.property(
        month,
        fc.array(fc.integer({ min: 0, max: 59 }), { maxLength: 30 }),
        ({ lines, runs, declining, withholdOnTransport }, reversing) => {
          const settings = { withholdOnTransport };
          const lineOf = new Map(lines.map((candidate) => [candidate.id, candidate]));
          const amountOf = (ids: readonly string[]) =>
            ids.reduce((sum, id) => sum + (lineOf.get(id)?.amountYen ?? Number.NaN), 0);
          const taken = new Set<string>();
          const entries: Payment[] = [];
          /** The confirmed runs' payments as they stand: each with the lines it still pays. */
          const standing: { payment: Payment; lineIds: string[] }[] = [];
          for (let run = 0; run < runs; run++) {
            // Each run sees the month's lines again, some of them twice, as concurrent builds might.
            const plan = planRun({
              lines: [...lines, ...lines.slice(run)],
              taken,
              declining: new Set(declining),
              settings,
            });
            for (const payment of plan.payments) {
              expect(payment.netYen).toBeGreaterThan(0);
              expect(declining).not.toContain(payment.volunteerId);
              expect(payment.grossYen).toBe(amountOf(payment.lineIds));
              for (const id of payment.lineIds) taken.add(id);
              entries.push(payment);
              standing.push({ payment: { ...payment }, lineIds: [...payment.lineIds] });
            }
            const totals = totalsOf(plan.payments);
            expect(plan.totals).toEqual(totals);
            expect(totals.lines).toBe(plan.payments.flatMap((payment) => payment.lineIds).length);
            // A correction of this run: the chosen lines of its payments are reversed, and free again.
            const chosen = new Set(reversing.filter((n) => n % runs === run).map((n) => `line-${n + 1}`));
            const corrections: Payment[] = [];
            for (const paid of standing) {
              const reversed = paid.lineIds.filter((id) => chosen.has(id));
              if (reversed.length === 0) continue;
              const kept = paid.lineIds.filter((id) => !chosen.has(id));
              const correction = correctionOf(
                paid.payment,
                kept.map((id) => lineOf.get(id) as PayableLine),
                reversed,
                settings,
              );
              expect(correction.grossYen).toBe(-amountOf(reversed));
              corrections.push(correction);
              for (const key of ['grossYen', 'subjectYen', 'withheldYen', 'netYen'] as const)
                paid.payment[key] += correction[key];
              paid.lineIds = kept;
              for (const id of reversed) taken.delete(id);
            }
            expect(totalsOf(corrections).lines).toBe(corrections.flatMap((entry) => entry.lineIds).length);
            entries.push(...corrections);
          }
          // Net of reversals, a line is paid once at most: exactly the lines taken, each once.
          const paidLines = standing.flatMap((paid) => paid.lineIds);
          expect(new Set(paidLines).size).toBe(paidLines.length);
          expect(new Set(paidLines)).toEqual(taken);
          for (const volunteerId of new Set(entries.map((entry) => entry.volunteerId))) {
            const own = totalsOf(entries.filter((entry) => entry.volunteerId === volunteerId));
            expect(own.grossYen).toBe(own.netYen + own.withheldYen);
            expect(own.grossYen).toBe(
              amountOf(
                standing.filter((paid) => paid.payment.volunteerId === volunteerId).flatMap((paid) => paid.lineIds),
              ),
            );
          }
          for (const paid of standing) {
            // What a payment comes to after its corrections is what its kept lines would be paid.
            const kept = paid.lineIds.map((id) => lineOf.get(id) as PayableLine);
            const fresh =
              kept.length === 0
                ? { grossYen: 0, withheldYen: 0, netYen: 0 }
                : planRun({ lines: kept, taken: new Set(), declining: new Set(), settings }).totals;
            expect([paid.payment.grossYen, paid.payment.withheldYen, paid.payment.netYen]).toEqual([
              fresh.grossYen,
              fresh.withheldYen,
              fresh.netYen,
            ]);
          }
        },
      ),
      { seed: 20260508, numRuns: 300 },
    );
  });
});
