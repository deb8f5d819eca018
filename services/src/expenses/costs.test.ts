import { describe, expect, test } from 'vitest';
import { type CostLine, honorariaYear, monthsOfFiscalYear, organizationYear, sharesOf } from './costs';

let next = 0;
function line(values: Partial<CostLine> & Pick<CostLine, 'activityDate' | 'amountYen'>): CostLine {
  next++;
  return {
    lineId: `line-${next}`,
    assignmentId: 'assignment-1',
    requestId: 'request-1',
    kind: 'honorarium',
    payer: 'requester',
    status: 'approved',
    reversal: values.amountYen < 0,
    ...values,
  };
}

describe('who bears a sum of lines', () => {
  test.each([
    { case: 'nothing', lines: [], shares: [0, 0, 0, 0] },
    {
      case: 'the office pays the interpreter, the association the fare',
      lines: [
        { payer: 'requester', amountYen: 7000 },
        { payer: 'association', amountYen: 640 },
      ],
      shares: [7640, 7000, 640, 0],
    },
    {
      case: 'a reversed honorarium and its correction',
      lines: [
        { payer: 'requester', amountYen: 7000 },
        { payer: 'requester', amountYen: -7000 },
        { payer: 'requester', amountYen: 3500 },
        { payer: 'person_served', amountYen: 500 },
      ],
      shares: [4000, 3500, 0, 500],
    },
  ] as const)('$case', ({ lines, shares }) => {
    const { totalYen, requesterYen, associationYen, personServedYen } = sharesOf(lines);
    expect([totalYen, requesterYen, associationYen, personServedYen]).toEqual(shares);
  });
});

test('a fiscal year runs from April to the next March', () => {
  expect(monthsOfFiscalYear(2026)).toEqual([
    '2026-04',
    '2026-05',
    '2026-06',
    '2026-07',
    '2026-08',
    '2026-09',
    '2026-10',
    '2026-11',
    '2026-12',
    '2027-01',
    '2027-02',
    '2027-03',
  ]);
});

describe('an organization’s fiscal year', () => {
  const lines = [
    line({ requestId: 'consultation', activityDate: '2026-05-12', amountYen: 7000 }),
    line({ requestId: 'consultation', activityDate: '2026-05-12', amountYen: 640, payer: 'association' }),
    line({ requestId: 'school', activityDate: '2026-04-20', amountYen: 3500 }),
    line({ requestId: 'school', activityDate: '2026-06-01', amountYen: -3500 }),
    line({ requestId: 'new-year', activityDate: '2027-01-08', amountYen: 5000, status: 'submitted' }),
  ];
  const year = organizationYear('office', 2026, lines);

  test('totals each month, the empty ones too, in the order of the year', () => {
    expect(year.months).toHaveLength(12);
    expect(year.months.map((month) => [month.month, month.totalYen, month.requesterYen])).toEqual([
      ['2026-04', 3500, 3500],
      ['2026-05', 7640, 7000],
      ['2026-06', -3500, -3500],
      ['2026-07', 0, 0],
      ['2026-08', 0, 0],
      ['2026-09', 0, 0],
      ['2026-10', 0, 0],
      ['2026-11', 0, 0],
      ['2026-12', 0, 0],
      ['2027-01', 5000, 5000],
      ['2027-02', 0, 0],
      ['2027-03', 0, 0],
    ]);
  });

  test('totals each request, by the first day it has a line', () => {
    expect(
      year.requests.map((request) => [
        request.requestId,
        request.firstDate,
        request.lastDate,
        request.lines,
        request.totalYen,
        request.associationYen,
      ]),
    ).toEqual([
      ['school', '2026-04-20', '2026-06-01', 2, 0, 0],
      ['consultation', '2026-05-12', '2026-05-12', 2, 7640, 640],
      ['new-year', '2027-01-08', '2027-01-08', 1, 5000, 0],
    ]);
  });

  test('the year’s totals are the sums of the months and of the requests', () => {
    expect(year.totals).toEqual({ totalYen: 12640, requesterYen: 12000, associationYen: 640, personServedYen: 0 });
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    expect(sum(year.months.map((month) => month.totalYen))).toBe(year.totals.totalYen);
    expect(sum(year.requests.map((request) => request.requesterYen))).toBe(year.totals.requesterYen);
  });
});

test('a volunteer’s year: paid, approved to be paid, and awaiting approval', () => {
  const year = honorariaYear(2026, [
    line({ activityDate: '2026-04-10', amountYen: 3500, status: 'paid' }),
    line({ activityDate: '2026-04-10', amountYen: 640, kind: 'transport', status: 'paid' }),
    line({ activityDate: '2026-05-12', amountYen: 7000, status: 'approved' }),
    line({ activityDate: '2026-05-12', amountYen: -7000, status: 'approved' }),
    line({ activityDate: '2026-06-02', amountYen: 2000, kind: 'cancellation_fee', status: 'submitted' }),
  ]);
  expect([year.paidYen, year.approvedYen, year.submittedYen, year.totalYen]).toEqual([4140, 0, 2000, 6140]);
  expect(year.lines).toHaveLength(5);
});
