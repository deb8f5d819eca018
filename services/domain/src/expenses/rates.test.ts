import { describe, expect, test } from 'vitest';
import {
  type DispatchFacts,
  feesForCancellation,
  feesForDispatch,
  type PayerRule,
  type PricedVolume,
  RateRuleGap,
  type RateRules,
  type RateRulesInput,
  rateRulesSchema,
  translationFeeFor,
} from './rates';

const requester: PayerRule = { paidBy: 'requester', personServedSharePercent: 0, personServedCapYen: null };
const association: PayerRule = { paidBy: 'association', personServedSharePercent: 0, personServedCapYen: null };

/** A schedule with everything off but what a case sets. */
function schedule(overrides: Partial<RateRules>): RateRules {
  return {
    honorarium: { kind: 'unpaid' },
    translation: null,
    remoteSessionYen: null,
    transport: { kind: 'none' },
    cancellation: [],
    payers: {
      honorarium: requester,
      translation: requester,
      remote: requester,
      transport: requester,
      cancellation: requester,
    },
    ...overrides,
  };
}

const onSite = (workedMinutes: number, transportFareYen: number | null = null): DispatchFacts => ({
  modality: 'on_site',
  workedMinutes,
  translation: null,
  transportFareYen,
  receiptProvided: null,
});

const unpaidWithTransport = schedule({ transport: { kind: 'actual_fare', receipt: 'not_required', capYen: null } });
const fukuoka = schedule({ honorarium: { kind: 'flat_per_activity', amountYen: 2300 } });
const yabu = schedule({
  honorarium: { kind: 'per_job', amountYen: 3500, limitMinutes: 240 },
  translation: {
    perPageYen: 1500,
    perManuscriptPageYen: null,
    perWordYen: null,
    manuscriptPageCharacters: 400,
    minimumYen: 0,
    countedOn: 'source',
  },
});
const kanagawaMedical = schedule({
  honorarium: {
    kind: 'first_block_then_hourly',
    firstBlockMinutes: 120,
    firstBlockYen: 6600,
    perHourYen: 1100,
    roundingUnitMinutes: 30,
    rounding: 'up',
  },
  payers: {
    honorarium: { paidBy: 'association', personServedSharePercent: 50, personServedCapYen: 3000 },
    translation: requester,
    remote: requester,
    transport: association,
    cancellation: requester,
  },
});
const manuscript = schedule({
  translation: {
    perPageYen: null,
    perManuscriptPageYen: 1200,
    perWordYen: null,
    manuscriptPageCharacters: 400,
    minimumYen: 3000,
    countedOn: 'source',
  },
});

type Line = [kind: string, amountYen: number, payer: string];
const lines = (rules: RateRules, facts: DispatchFacts): Line[] =>
  feesForDispatch(rules, facts).map((line) => [line.kind, line.amountYen, line.payer]);

describe('fees for a dispatch that took place, with the examples DESIGN.md quotes', () => {
  test.each<[string, RateRules, DispatchFacts, Line[]]>([
    [
      'unpaid volunteer, transport paid by the requester',
      unpaidWithTransport,
      onSite(180, 840),
      [['transport', 840, 'requester']],
    ],
    ['unpaid volunteer who walked', unpaidWithTransport, onSite(180, 0), []],
    ['Fukuoka: ¥2,300 per person per activity, for an hour', fukuoka, onSite(60), [['honorarium', 2300, 'requester']]],
    ['Fukuoka: the same ¥2,300 for a whole day', fukuoka, onSite(480), [['honorarium', 2300, 'requester']]],
    ['Yabu: ¥3,500 for a job under 4 hours', yabu, onSite(150), [['honorarium', 3500, 'requester']]],
    ['Yabu: exactly 4 hours is still one job', yabu, onSite(240), [['honorarium', 3500, 'requester']]],
    ['Yabu: 5 hours counts two jobs', yabu, onSite(300), [['honorarium', 7000, 'requester']]],
    [
      'Yabu: ¥1,500 per A4 page of translation',
      yabu,
      { ...onSite(0), modality: 'translation', workedMinutes: null, translation: { volume: 3, unit: 'pages' } },
      [['translation_fee', 4500, 'requester']],
    ],
    [
      'Kanagawa: ¥6,600 up to 2 hours; the patient pays half, capped at ¥3,000',
      kanagawaMedical,
      onSite(120),
      [
        ['honorarium', 3000, 'person_served'],
        ['honorarium', 3600, 'association'],
      ],
    ],
    [
      'Kanagawa: 2 h 10 min rounds up to a half hour beyond the block',
      kanagawaMedical,
      onSite(130),
      [
        ['honorarium', 3000, 'person_served'],
        ['honorarium', 4150, 'association'],
      ],
    ],
    [
      'Kanagawa: 3 hours is the block and one hour',
      kanagawaMedical,
      onSite(180),
      [
        ['honorarium', 3000, 'person_served'],
        ['honorarium', 4700, 'association'],
      ],
    ],
    [
      'per 400-character manuscript page: 1,000 characters are 3 pages, raised to the minimum',
      manuscript,
      { ...onSite(0), modality: 'translation', workedMinutes: null, translation: { volume: 1000, unit: 'characters' } },
      [['translation_fee', 3600, 'requester']],
    ],
    [
      'per manuscript page: 401 characters are 2 pages, below the ¥3,000 minimum',
      manuscript,
      { ...onSite(0), modality: 'translation', workedMinutes: null, translation: { volume: 401, unit: 'characters' } },
      [['translation_fee', 3000, 'requester']],
    ],
    [
      'a remote session: the honorarium and the session fee',
      schedule({ honorarium: { kind: 'flat_per_activity', amountYen: 2000 }, remoteSessionYen: 500 }),
      { ...onSite(45), modality: 'remote' },
      [
        ['honorarium', 2000, 'requester'],
        ['remote_fee', 500, 'requester'],
      ],
    ],
    [
      'transport capped',
      schedule({ transport: { kind: 'actual_fare', receipt: 'not_required', capYen: 3000 } }),
      onSite(60, 4200),
      [['transport', 3000, 'requester']],
    ],
    [
      'transport that needs a receipt, reported without one',
      schedule({ transport: { kind: 'actual_fare', receipt: 'required', capYen: null } }),
      { ...onSite(60, 1200), receiptProvided: false },
      [],
    ],
    [
      'transport that needs a receipt, shown one',
      schedule({ transport: { kind: 'actual_fare', receipt: 'required', capYen: null } }),
      { ...onSite(60, 1200), receiptProvided: true },
      [['transport', 1200, 'requester']],
    ],
  ])('%s', (_name, rules, facts, expected) => {
    expect(lines(rules, facts)).toEqual(expected);
  });

  test('a fare without a known receipt is paid and marked to be checked', () => {
    const rules = schedule({ transport: { kind: 'actual_fare', receipt: 'required', capYen: null } });
    const [line] = feesForDispatch(rules, onSite(60, 1200));
    expect(line?.basis).toEqual({ ja: '実費1,200円、領収書は要確認', en: 'actual fare ¥1,200, receipt to be checked' });
  });

  test('every line says how it was reached, in Japanese and in English', () => {
    const bases = feesForDispatch(kanagawaMedical, onSite(130)).map((line) => line.basis);
    expect(bases.map((basis) => basis.en)).toEqual([
      '¥6,600 for the first 120 min + 30 min × ¥1,100/h (130 min worked); 50% paid by the person served, capped at ¥3,000',
      '¥6,600 for the first 120 min + 30 min × ¥1,100/h (130 min worked); the rest',
    ]);
    expect(bases.map((basis) => basis.ja)).toEqual([
      '最初の120分6,600円 ＋ 30分 × 時給1,100円（活動130分）。うち50%を利用者本人が負担（上限3,000円）',
      '最初の120分6,600円 ＋ 30分 × 時給1,100円（活動130分）。その残り',
    ]);
  });

  test('a translation by characters under a schedule priced only per page is a gap, not a guess', () => {
    expect(() =>
      feesForDispatch(yabu, {
        ...onSite(0),
        modality: 'translation',
        workedMinutes: null,
        translation: { volume: 800, unit: 'characters' },
      }),
    ).toThrow('no rate per manuscript page');
  });

  test('rounding down and to the nearest unit', () => {
    const rule = (rounding: 'down' | 'nearest') =>
      schedule({
        honorarium: {
          kind: 'first_block_then_hourly',
          firstBlockMinutes: 60,
          firstBlockYen: 3000,
          perHourYen: 1200,
          roundingUnitMinutes: 30,
          rounding,
        },
      });
    expect(lines(rule('down'), onSite(110))).toEqual([['honorarium', 3600, 'requester']]);
    expect(lines(rule('nearest'), onSite(104))).toEqual([['honorarium', 3600, 'requester']]);
    expect(lines(rule('nearest'), onSite(105))).toEqual([['honorarium', 4200, 'requester']]);
  });
});

describe('the translation fee on a document’s count, by the schedule’s rule for its unit', () => {
  const rates = (overrides: Partial<NonNullable<RateRules['translation']>>): NonNullable<RateRules['translation']> => ({
    perPageYen: 1500,
    perManuscriptPageYen: 1200,
    perWordYen: 12,
    manuscriptPageCharacters: 400,
    minimumYen: 0,
    countedOn: 'source',
    ...overrides,
  });
  test.each<[string, NonNullable<RateRules['translation']>, PricedVolume, number, string, string]>([
    [
      'an English letter of 850 words at ¥12 a word',
      rates({}),
      { volume: 850, unit: 'words' },
      10_200,
      '850語 × 12円',
      '850 words × ¥12',
    ],
    [
      'a Vietnamese notice of 120 words, raised to the ¥3,000 minimum',
      rates({ minimumYen: 3000 }),
      { volume: 120, unit: 'words' },
      3000,
      '120語 × 12円、最低額3,000円に引き上げ',
      '120 words × ¥12, raised to the minimum of ¥3,000',
    ],
    [
      'a Japanese guide of 1,000 characters: 3 manuscript pages',
      rates({}),
      { volume: 1000, unit: 'characters' },
      3600,
      '1000文字 ＝ 400字詰め原稿用紙3枚 × 1,200円',
      '1000 characters = 3 manuscript pages of 400 × ¥1,200',
    ],
    ['a scan of 4 pages', rates({}), { volume: 4, unit: 'pages' }, 6000, '4ページ × 1,500円', '4 pages × ¥1,500'],
  ])('%s', (_what, rule, volume, amountYen, ja, en) => {
    expect(translationFeeFor(rule, volume)).toEqual({ amountYen, basis: { ja, en } });
  });

  test('words with no rate per word are a gap for a coordinator, not a fee of zero', () => {
    expect(() => translationFeeFor(rates({ perWordYen: null }), { volume: 850, unit: 'words' })).toThrow(RateRuleGap);
  });

  test('a schedule saved before the rule reads as having no rate per word', () => {
    const stored = rateRulesSchema.parse({
      ...schedule({}),
      translation: { perPageYen: 1500, perManuscriptPageYen: null },
    });
    expect(stored.translation?.perWordYen).toBeNull();
  });
});

describe('late-cancellation fees by notice', () => {
  const rules = schedule({
    honorarium: { kind: 'per_job', amountYen: 3500, limitMinutes: 240 },
    cancellation: [
      { noticeHoursUnder: 72, percentOfFee: 50, fixedYen: null },
      { noticeHoursUnder: 24, percentOfFee: 100, fixedYen: null },
    ],
  });
  const planned = { modality: 'on_site' as const, workedMinutes: 180, translation: null };

  test.each<[number, Line[]]>([
    [2, [['cancellation_fee', 3500, 'requester']]],
    [23.5, [['cancellation_fee', 3500, 'requester']]],
    [24, [['cancellation_fee', 1750, 'requester']]],
    [71, [['cancellation_fee', 1750, 'requester']]],
    [72, []],
    [200, []],
  ])('%s hours of notice', (noticeHours, expected) => {
    expect(
      feesForCancellation(rules, { noticeHours, planned }).map((line) => [line.kind, line.amountYen, line.payer]),
    ).toEqual(expected);
  });

  test('a fixed fee, paid by the association', () => {
    const fixed = schedule({
      cancellation: [{ noticeHoursUnder: 48, percentOfFee: null, fixedYen: 1000 }],
      payers: { ...rules.payers, cancellation: association },
    });
    expect(feesForCancellation(fixed, { noticeHours: 12, planned })).toEqual([
      {
        kind: 'cancellation_fee',
        amountYen: 1000,
        payer: 'association',
        basis: {
          ja: '12時間前の取り消し（48時間未満）：1,000円',
          en: 'cancelled 12 h ahead (under 48 h): ¥1,000',
        },
      },
    ]);
  });

  test('an unpaid volunteer’s cancellation owes no share of a fee', () => {
    const unpaid = schedule({ cancellation: [{ noticeHoursUnder: 24, percentOfFee: 100, fixedYen: null }] });
    expect(feesForCancellation(unpaid, { noticeHours: 3, planned })).toEqual([]);
  });
});

describe('validating a schedule an admin enters', () => {
  const valid: RateRulesInput = {
    honorarium: { kind: 'flat_per_activity', amountYen: 2300 },
    translation: null,
    remoteSessionYen: null,
    transport: { kind: 'actual_fare', receipt: 'not_required', capYen: null },
    cancellation: [],
    payers: {
      honorarium: { paidBy: 'requester' },
      translation: { paidBy: 'requester' },
      remote: { paidBy: 'requester' },
      transport: { paidBy: 'requester' },
      cancellation: { paidBy: 'requester' },
    },
  };
  const problems = (input: unknown) =>
    rateRulesSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];

  test('a complete schedule passes, with defaults for what it leaves out', () => {
    expect(rateRulesSchema.parse(valid).payers.honorarium).toEqual({
      paidBy: 'requester',
      personServedSharePercent: 0,
      personServedCapYen: null,
    });
  });

  test('fractions of a yen, negative amounts and half-given tiers are refused, each at its field', () => {
    expect(
      problems({
        ...valid,
        honorarium: { kind: 'flat_per_activity', amountYen: 2300.5 },
        remoteSessionYen: -1,
        cancellation: [{ noticeHoursUnder: 24, percentOfFee: 100, fixedYen: 500 }],
      }),
    ).toEqual([
      ['honorarium.amountYen', 'Use whole yen.'],
      ['remoteSessionYen', 'Use zero or more yen.'],
      ['cancellation.0.percentOfFee', 'Give either a percentage of the fee or a fixed amount.'],
    ]);
  });
});
