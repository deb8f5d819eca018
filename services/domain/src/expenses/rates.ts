import { z } from 'zod';
import type { Localized } from '../errors';
import type { Modality } from '../requests/policy';
import { bilingual, isoDate, wholeNumber } from '../validation';

/**
 * Rate schedules: what an association pays for a dispatch and who pays each part. Practice varies
 * between associations (DESIGN.md quotes unpaid volunteers, a flat fee per activity, a fee per job
 * under a time limit, a first block then an hourly rate, fees per page of translation), so a
 * schedule is data, and this module turns it and the facts of one dispatch into fee lines.
 * Fractions of a yen are cut off (1円未満切り捨て), as public bodies in Japan usually do.
 */

export const expenseKinds = [
  'honorarium',
  'transport',
  'translation_fee',
  'remote_fee',
  'equipment',
  'cancellation_fee',
  'other',
] as const;
export type ExpenseKind = (typeof expenseKinds)[number];

/** Who pays a line: the requesting body, the association, or the foreign resident served. */
export const payers = ['requester', 'association', 'person_served'] as const;
export type Payer = (typeof payers)[number];

/** How a translation's volume is counted. */
export const volumeUnits = ['pages', 'characters'] as const;
export type VolumeUnit = (typeof volumeUnits)[number];

/**
 * A volume the translation rates price: a request's (pages or characters), or a document's count,
 * which for a text in another language than Japanese is in words.
 */
export interface PricedVolume {
  volume: number;
  unit: VolumeUnit | 'words';
}

export const roundingModes = ['up', 'down', 'nearest'] as const;
export type RoundingMode = (typeof roundingModes)[number];

const yen = wholeNumber(bilingual({ en: 'Use whole yen.', ja: '円単位の整数で入力してください。' }))
  .min(0, bilingual({ en: 'Use zero or more yen.', ja: '0円以上で入力してください。' }))
  .max(10_000_000, bilingual({ en: 'Use at most ¥10,000,000.', ja: '1,000万円以下で入力してください。' }));
const minutes = wholeNumber(bilingual({ en: 'Use whole minutes.', ja: '分単位の整数で入力してください。' }))
  .min(1, bilingual({ en: 'Use at least one minute.', ja: '1分以上にしてください。' }))
  .max(24 * 60, bilingual({ en: 'Use at most 24 hours.', ja: '24時間以内にしてください。' }));

export const honorariumKinds = ['unpaid', 'flat_per_activity', 'per_job', 'first_block_then_hourly'] as const;

const honorariumSchema = z.discriminatedUnion('kind', [
  /** Volunteers are not paid (transport may still be). */
  z.object({ kind: z.literal('unpaid') }),
  /** A flat amount per person per activity, whatever its length (Fukuoka: ¥2,300). */
  z.object({ kind: z.literal('flat_per_activity'), amountYen: yen }),
  /**
   * An amount per job of up to `limitMinutes` (Yabu City: ¥3,500 per job under 4 hours); a longer
   * activity counts as one job per started block.
   */
  z.object({ kind: z.literal('per_job'), amountYen: yen, limitMinutes: minutes }),
  /**
   * A first block, then per hour, the time beyond the block rounded to `roundingUnitMinutes`
   * (Kanagawa, medical interpreting: ¥6,600 up to 2 hours, then ¥1,100 per hour).
   */
  z.object({
    kind: z.literal('first_block_then_hourly'),
    firstBlockMinutes: minutes,
    firstBlockYen: yen,
    perHourYen: yen,
    roundingUnitMinutes: wholeNumber(bilingual({ en: 'Use whole minutes.', ja: '分単位の整数で入力してください。' }))
      .min(1)
      .max(60, bilingual({ en: 'Round to at most an hour.', ja: '端数処理の単位は1時間以内にしてください。' })),
    rounding: z.enum(roundingModes),
  }),
]);

/**
 * Translation: per page (an A4 page, Yabu City: ¥1,500) when the volume is in pages, per
 * manuscript page (原稿用紙, 400 Japanese characters unless told) when it is in characters, per word
 * when a source in another language is counted in words (as translation agencies price English).
 */
const translationSchema = z.object({
  perPageYen: yen.nullable(),
  perManuscriptPageYen: yen.nullable(),
  /** Schedules saved before the rule have none. */
  perWordYen: yen.nullable().default(null),
  manuscriptPageCharacters: z.int().min(100).max(2000).default(400),
  minimumYen: yen.default(0),
  /** Which document's count an accepted translation is paid on: the source's, or the translation's. */
  countedOn: z.enum(['source', 'target']).default('source'),
});

const transportSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** The actual fare; with `receipt: 'required'`, a fare reported without a receipt is not paid. */
  z.object({
    kind: z.literal('actual_fare'),
    receipt: z.enum(['required', 'not_required']),
    capYen: yen.nullable(),
  }),
]);

/** A late cancellation with less notice than `noticeHoursUnder` owes a fee: a share of the fee, or a fixed amount. */
const cancellationTierSchema = z
  .object({
    noticeHoursUnder: wholeNumber(bilingual({ en: 'Use whole hours.', ja: '時間単位の整数で入力してください。' }))
      .min(1)
      .max(24 * 60),
    percentOfFee: wholeNumber(bilingual({ en: 'Use a whole percentage.', ja: '割合は整数（%）で入力してください。' }))
      .min(0)
      .max(100)
      .nullable(),
    fixedYen: yen.nullable(),
  })
  .refine((tier) => (tier.percentOfFee === null) !== (tier.fixedYen === null), {
    message: bilingual({
      en: 'Give either a percentage of the fee or a fixed amount.',
      ja: '報酬に対する割合か定額のどちらか一方を入力してください。',
    }),
    path: ['percentOfFee'],
  });

/**
 * Who pays one part: the requester or the association, except for the share the person served
 * pays (a percentage, capped): Kanagawa caps the patient's share of a medical interpreter's fee.
 */
const payerRuleSchema = z.object({
  paidBy: z.enum(['requester', 'association']),
  personServedSharePercent: wholeNumber(
    bilingual({ en: 'Use a whole percentage.', ja: '割合は整数（%）で入力してください。' }),
  )
    .min(0)
    .max(100)
    .default(0),
  personServedCapYen: yen.nullable().default(null),
});

export const rateRulesSchema = z
  .object({
    honorarium: honorariumSchema,
    translation: translationSchema.nullable(),
    /** A fee per remote session (phone or video), on top of the honorarium. */
    remoteSessionYen: yen.nullable(),
    transport: transportSchema,
    cancellation: z
      .array(cancellationTierSchema)
      .max(5, bilingual({ en: 'Use at most five tiers.', ja: '段階は5つまでにしてください。' })),
    payers: z.object({
      honorarium: payerRuleSchema,
      translation: payerRuleSchema,
      remote: payerRuleSchema,
      transport: payerRuleSchema,
      cancellation: payerRuleSchema,
    }),
  })
  .superRefine((rules, context) => {
    const hours = rules.cancellation.map((tier) => tier.noticeHoursUnder);
    if (new Set(hours).size !== hours.length) {
      context.addIssue({
        code: 'custom',
        path: ['cancellation'],
        message: bilingual({
          en: 'Give each notice period once.',
          ja: '同じキャンセル期限は1回だけ入力してください。',
        }),
      });
    }
  });

/** A schedule's own fields, beside its rules: the day it takes effect and a note. */
export const rateScheduleFieldsSchema = z.object({
  effectiveFrom: isoDate,
  illustrative: z.boolean().default(false),
  note: z.string().trim().max(1000).nullish(),
});

export type RateRules = z.infer<typeof rateRulesSchema>;
export type RateRulesInput = z.input<typeof rateRulesSchema>;
export type HonorariumRule = RateRules['honorarium'];
export type PayerRule = RateRules['payers']['honorarium'];

/** What happened on one dispatch, as the activity report and the request tell it. */
export interface DispatchFacts {
  modality: Modality;
  /** Interpretation: the minutes worked, from the actual start and end. */
  workedMinutes: number | null;
  /** Translation: the volume delivered. */
  translation: { volume: number; unit: VolumeUnit } | null;
  transportFareYen: number | null;
  /** Whether a receipt was shown for the fare; null when nobody said. */
  receiptProvided: boolean | null;
}

/** A cancelled dispatch: the notice given, and what it would have been. */
export interface CancellationFacts {
  noticeHours: number;
  planned: Pick<DispatchFacts, 'modality' | 'workedMinutes' | 'translation'>;
}

export interface FeeLine {
  kind: ExpenseKind;
  amountYen: number;
  payer: Payer;
  /** How the amount was reached, for the people who check it, in both languages. */
  basis: Localized;
}

/** The rules are incomplete for these facts: a coordinator must fix the schedule or enter the line. */
export class RateRuleGap extends Error {
  override name = 'RateRuleGap';
}

export const formatYen = (amount: number) => `¥${amount.toLocaleString('en-US')}`;
const yenJa = (amount: number) => `${amount.toLocaleString('ja-JP')}円`;

/** Both languages of a basis, from one template per language. */
const both = (ja: string, en: string): Localized => ({ ja, en });

function roundTo(value: number, unit: number, mode: RoundingMode): number {
  const blocks = value / unit;
  const rounded = mode === 'up' ? Math.ceil(blocks) : mode === 'down' ? Math.floor(blocks) : Math.floor(blocks + 0.5);
  return rounded * unit;
}

/** The honorarium for a number of minutes worked, and how it was reached; null when unpaid. */
export function honorariumFor(
  rule: HonorariumRule,
  workedMinutes: number,
): { amountYen: number; basis: Localized } | null {
  switch (rule.kind) {
    case 'unpaid':
      return null;
    case 'flat_per_activity':
      return {
        amountYen: rule.amountYen,
        basis: both(`1回の活動につき${yenJa(rule.amountYen)}`, `${formatYen(rule.amountYen)} per activity`),
      };
    case 'per_job': {
      const jobs = Math.max(1, Math.ceil(workedMinutes / rule.limitMinutes));
      return {
        amountYen: jobs * rule.amountYen,
        basis: both(
          `${rule.limitMinutes}分までの1件につき${yenJa(rule.amountYen)} × ${jobs}件（活動${workedMinutes}分）`,
          `${jobs} × ${formatYen(rule.amountYen)} per job of up to ${rule.limitMinutes} min (${workedMinutes} min worked)`,
        ),
      };
    }
    case 'first_block_then_hourly': {
      const beyond = Math.max(0, workedMinutes - rule.firstBlockMinutes);
      const counted = roundTo(beyond, rule.roundingUnitMinutes, rule.rounding);
      const extra = Math.floor((rule.perHourYen * counted) / 60);
      const basis =
        counted === 0
          ? both(
              `${rule.firstBlockMinutes}分まで${yenJa(rule.firstBlockYen)}（活動${workedMinutes}分）`,
              `${formatYen(rule.firstBlockYen)} for up to ${rule.firstBlockMinutes} min (${workedMinutes} min worked)`,
            )
          : both(
              `最初の${rule.firstBlockMinutes}分${yenJa(rule.firstBlockYen)} ＋ ${counted}分 × 時給${yenJa(rule.perHourYen)}（活動${workedMinutes}分）`,
              `${formatYen(rule.firstBlockYen)} for the first ${rule.firstBlockMinutes} min + ${counted} min × ${formatYen(rule.perHourYen)}/h (${workedMinutes} min worked)`,
            );
      return { amountYen: rule.firstBlockYen + extra, basis };
    }
  }
}

/** The translation fee for a volume; throws a RateRuleGap when the schedule has no rate for its unit. */
export function translationFeeFor(
  rule: RateRules['translation'],
  translation: PricedVolume,
): { amountYen: number; basis: Localized } {
  if (!rule) throw new RateRuleGap('The rate schedule has no translation rates.');
  let amountYen: number;
  let basis: Localized;
  if (translation.unit === 'pages') {
    if (rule.perPageYen === null) throw new RateRuleGap('The rate schedule has no rate per page of translation.');
    amountYen = translation.volume * rule.perPageYen;
    basis = both(
      `${translation.volume}ページ × ${yenJa(rule.perPageYen)}`,
      `${translation.volume} pages × ${formatYen(rule.perPageYen)}`,
    );
  } else if (translation.unit === 'words') {
    if (rule.perWordYen === null) throw new RateRuleGap('The rate schedule has no rate per word of translation.');
    amountYen = translation.volume * rule.perWordYen;
    basis = both(
      `${translation.volume}語 × ${yenJa(rule.perWordYen)}`,
      `${translation.volume} words × ${formatYen(rule.perWordYen)}`,
    );
  } else {
    if (rule.perManuscriptPageYen === null) {
      throw new RateRuleGap('The rate schedule has no rate per manuscript page of translation.');
    }
    const pages = Math.ceil(translation.volume / rule.manuscriptPageCharacters);
    amountYen = pages * rule.perManuscriptPageYen;
    basis = both(
      `${translation.volume}文字 ＝ ${rule.manuscriptPageCharacters}字詰め原稿用紙${pages}枚 × ${yenJa(rule.perManuscriptPageYen)}`,
      `${translation.volume} characters = ${pages} manuscript pages of ${rule.manuscriptPageCharacters} × ${formatYen(rule.perManuscriptPageYen)}`,
    );
  }
  if (amountYen < rule.minimumYen) {
    return {
      amountYen: rule.minimumYen,
      basis: both(
        `${basis.ja}、最低額${yenJa(rule.minimumYen)}に引き上げ`,
        `${basis.en}, raised to the minimum of ${formatYen(rule.minimumYen)}`,
      ),
    };
  }
  return { amountYen, basis };
}

/** Splits one part between the person served (their capped share) and whoever pays the rest. */
export function splitByPayer(kind: ExpenseKind, amountYen: number, basis: Localized, rule: PayerRule): FeeLine[] {
  const share = Math.floor((amountYen * rule.personServedSharePercent) / 100);
  const personServed = rule.personServedCapYen === null ? share : Math.min(share, rule.personServedCapYen);
  const lines: FeeLine[] = [];
  if (personServed > 0) {
    const capped = rule.personServedCapYen !== null && share > rule.personServedCapYen;
    lines.push({
      kind,
      amountYen: personServed,
      payer: 'person_served',
      basis: both(
        `${basis.ja}。うち${rule.personServedSharePercent}%を利用者本人が負担${capped ? `（上限${yenJa(rule.personServedCapYen ?? 0)}）` : ''}`,
        `${basis.en}; ${rule.personServedSharePercent}% paid by the person served${capped ? `, capped at ${formatYen(rule.personServedCapYen ?? 0)}` : ''}`,
      ),
    });
  }
  if (amountYen - personServed > 0) {
    lines.push({
      kind,
      amountYen: amountYen - personServed,
      payer: rule.paidBy,
      basis: personServed > 0 ? both(`${basis.ja}。その残り`, `${basis.en}; the rest`) : basis,
    });
  }
  return lines;
}

function dispatchFee(rules: RateRules, facts: CancellationFacts['planned']) {
  if (facts.modality === 'translation') {
    if (!facts.translation) throw new RateRuleGap('A translation needs its volume to be priced.');
    return { kind: 'translation_fee' as const, ...translationFeeFor(rules.translation, facts.translation) };
  }
  if (facts.workedMinutes === null) throw new RateRuleGap('An interpretation needs its minutes to be priced.');
  const honorarium = honorariumFor(rules.honorarium, facts.workedMinutes);
  return honorarium ? { kind: 'honorarium' as const, ...honorarium } : null;
}

/** The fee lines of a dispatch that took place, under the assignment's copy of the rates. Zero lines are left out. */
export function feesForDispatch(rules: RateRules, facts: DispatchFacts): FeeLine[] {
  const lines: FeeLine[] = [];
  const fee = dispatchFee(rules, facts);
  if (fee) {
    const rule = fee.kind === 'translation_fee' ? rules.payers.translation : rules.payers.honorarium;
    lines.push(...splitByPayer(fee.kind, fee.amountYen, fee.basis, rule));
  }
  if (facts.modality === 'remote' && rules.remoteSessionYen) {
    lines.push(
      ...splitByPayer(
        'remote_fee',
        rules.remoteSessionYen,
        both(
          `遠隔通訳1回につき${yenJa(rules.remoteSessionYen)}`,
          `${formatYen(rules.remoteSessionYen)} per remote session`,
        ),
        rules.payers.remote,
      ),
    );
  }
  const transport = transportFor(rules.transport, facts);
  if (transport) lines.push(...splitByPayer('transport', transport.amountYen, transport.basis, rules.payers.transport));
  return lines;
}

function transportFor(
  rule: RateRules['transport'],
  facts: DispatchFacts,
): { amountYen: number; basis: Localized } | null {
  const fare = facts.transportFareYen ?? 0;
  if (rule.kind === 'none' || fare <= 0) return null;
  if (rule.receipt === 'required' && facts.receiptProvided === false) return null;
  const unchecked = rule.receipt === 'required' && facts.receiptProvided === null;
  const receiptNote = both(unchecked ? '、領収書は要確認' : '', unchecked ? ', receipt to be checked' : '');
  if (rule.capYen !== null && fare > rule.capYen) {
    return {
      amountYen: rule.capYen,
      basis: both(
        `実費${yenJa(fare)}、上限${yenJa(rule.capYen)}${receiptNote.ja}`,
        `actual fare ${formatYen(fare)}, capped at ${formatYen(rule.capYen)}${receiptNote.en}`,
      ),
    };
  }
  return {
    amountYen: fare,
    basis: both(`実費${yenJa(fare)}${receiptNote.ja}`, `actual fare ${formatYen(fare)}${receiptNote.en}`),
  };
}

/**
 * The fee owed for a cancellation with this much notice: the tier with the shortest notice period
 * longer than the notice given applies; none when the notice was long enough.
 */
export function feesForCancellation(rules: RateRules, facts: CancellationFacts): FeeLine[] {
  const tier = [...rules.cancellation]
    .sort((a, b) => a.noticeHoursUnder - b.noticeHoursUnder)
    .find((candidate) => facts.noticeHours < candidate.noticeHoursUnder);
  if (!tier) return [];
  const notice = both(
    `${Math.floor(facts.noticeHours)}時間前の取り消し（${tier.noticeHoursUnder}時間未満）`,
    `cancelled ${Math.floor(facts.noticeHours)} h ahead (under ${tier.noticeHoursUnder} h)`,
  );
  if (tier.fixedYen !== null) {
    return splitByPayer(
      'cancellation_fee',
      tier.fixedYen,
      both(`${notice.ja}：${yenJa(tier.fixedYen)}`, `${notice.en}: ${formatYen(tier.fixedYen)}`),
      rules.payers.cancellation,
    );
  }
  const fee = dispatchFee(rules, facts.planned);
  if (!fee) return [];
  const percent = tier.percentOfFee ?? 0;
  const amountYen = Math.floor((fee.amountYen * percent) / 100);
  return splitByPayer(
    'cancellation_fee',
    amountYen,
    both(
      `${notice.ja}：${yenJa(fee.amountYen)}の${percent}%（${fee.basis.ja}）`,
      `${notice.en}: ${percent}% of ${formatYen(fee.amountYen)} (${fee.basis.en})`,
    ),
    rules.payers.cancellation,
  );
}

const requesterPays = { paidBy: 'requester', personServedSharePercent: 0, personServedCapYen: null } as const;

/**
 * The schedule the demo data starts with. It is illustrative, not any association's real rates: a
 * first block then hourly honorarium, translation per page, manuscript page and word, a remote fee, the actual fare capped,
 * and late-cancellation fees.
 */
export const illustrativeRateRules: RateRules = {
  honorarium: {
    kind: 'first_block_then_hourly',
    firstBlockMinutes: 120,
    firstBlockYen: 5000,
    perHourYen: 1500,
    roundingUnitMinutes: 30,
    rounding: 'up',
  },
  translation: {
    perPageYen: 1500,
    perManuscriptPageYen: 1200,
    perWordYen: 15,
    manuscriptPageCharacters: 400,
    minimumYen: 0,
    countedOn: 'source',
  },
  remoteSessionYen: 500,
  transport: { kind: 'actual_fare', receipt: 'not_required', capYen: 3000 },
  cancellation: [
    { noticeHoursUnder: 24, percentOfFee: 100, fixedYen: null },
    { noticeHoursUnder: 72, percentOfFee: 50, fixedYen: null },
  ],
  payers: {
    honorarium: requesterPays,
    translation: requesterPays,
    remote: requesterPays,
    transport: requesterPays,
    cancellation: requesterPays,
  },
};
