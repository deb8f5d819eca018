import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { expenseKinds } from '../expenses/rates';
import { type PayableLine, planRun, reversalOf, totalsOf } from './runs';
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
    const both = totalsOf([...payments, ...reversalOf(payments)]);
    expect([both.grossYen, both.withheldYen, both.netYen]).toEqual([0, 0, 0]);
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

  test('every line is paid at most once, gross = net + withheld for each person, and the totals equal the lines', () => {
    fc.assert(
      fc.property(month, ({ lines, runs, declining, withholdOnTransport }) => {
        const taken = new Set<string>();
        const paid: string[] = [];
        for (let run = 0; run < runs; run++) {
          // Each run sees the month's lines again, some of them twice, as concurrent builds might.
          const plan = planRun({
            lines: [...lines, ...lines.slice(run)],
            taken,
            declining: new Set(declining),
            settings: { withholdOnTransport },
          });
          for (const payment of plan.payments) {
            expect(payment.grossYen).toBe(payment.netYen + payment.withheldYen);
            expect(payment.netYen).toBeGreaterThan(0);
            expect(declining).not.toContain(payment.volunteerId);
            const own = payment.lineIds.map((id) => lines.find((candidate) => candidate.id === id));
            expect(payment.grossYen).toBe(
              own.reduce((sum, candidate) => sum + (candidate?.amountYen ?? Number.NaN), 0),
            );
            for (const id of payment.lineIds) {
              paid.push(id);
              taken.add(id);
            }
          }
          const totals = totalsOf(plan.payments);
          expect(plan.totals).toEqual(totals);
          expect(totals.grossYen).toBe(totals.netYen + totals.withheldYen);
          expect(totals.lines).toBe(plan.payments.flatMap((payment) => payment.lineIds).length);
        }
        expect(new Set(paid).size).toBe(paid.length);
      }),
      { seed: 20260508, numRuns: 300 },
    );
  });
});
