import { honorariumKinds, type RateRules, type RateRulesInput, roundingModes } from '@tsunagu/domain';
import { readRateRules } from '@tsunagu/services';
import { builder } from '../builder';
import { Association } from './association';
import { orUndefined, visibleAssociation } from './expense-line';
import { selected } from './selection';

const HonorariumKindEnum = builder.enumType('HonorariumKind', { values: honorariumKinds });
const RoundingEnum = builder.enumType('RoundingMode', { values: roundingModes });
const TransportKindEnum = builder.enumType('TransportRuleKind', { values: ['none', 'actual_fare'] as const });
const PaidByEnum = builder.enumType('PaidBy', { values: ['requester', 'association'] as const });

type Honorarium = RateRules['honorarium'];
const field = <Key extends string>(rule: object, key: Key): number | null =>
  key in rule ? ((rule as Record<Key, number>)[key] ?? null) : null;

const HonorariumRule = builder.objectRef<Honorarium>('HonorariumRule').implement({
  description:
    'unpaid; flat_per_activity (amountYen); per_job (amountYen per started block of limitMinutes); first_block_then_hourly.',
  fields: (t) => ({
    kind: t.expose('kind', { type: HonorariumKindEnum }),
    amountYen: t.int({ nullable: true, resolve: (rule) => field(rule, 'amountYen') }),
    limitMinutes: t.int({ nullable: true, resolve: (rule) => field(rule, 'limitMinutes') }),
    firstBlockMinutes: t.int({ nullable: true, resolve: (rule) => field(rule, 'firstBlockMinutes') }),
    firstBlockYen: t.int({ nullable: true, resolve: (rule) => field(rule, 'firstBlockYen') }),
    perHourYen: t.int({ nullable: true, resolve: (rule) => field(rule, 'perHourYen') }),
    roundingUnitMinutes: t.int({ nullable: true, resolve: (rule) => field(rule, 'roundingUnitMinutes') }),
    rounding: t.field({
      type: RoundingEnum,
      nullable: true,
      resolve: (rule) => (rule.kind === 'first_block_then_hourly' ? rule.rounding : null),
    }),
  }),
});

const TranslationRates = builder.objectRef<NonNullable<RateRules['translation']>>('TranslationRates').implement({
  fields: (t) => ({
    perPageYen: t.exposeInt('perPageYen', { nullable: true, description: 'Per page (A4), for volumes in pages.' }),
    perManuscriptPageYen: t.exposeInt('perManuscriptPageYen', {
      nullable: true,
      description: 'Per manuscript page, for volumes in characters.',
    }),
    perWordYen: t.exposeInt('perWordYen', {
      nullable: true,
      description: 'Per word, for sources in another language than Japanese counted in words.',
    }),
    manuscriptPageCharacters: t.exposeInt('manuscriptPageCharacters'),
    minimumYen: t.exposeInt('minimumYen'),
  }),
});

const TransportRule = builder.objectRef<RateRules['transport']>('TransportRule').implement({
  fields: (t) => ({
    kind: t.expose('kind', { type: TransportKindEnum }),
    receiptRequired: t.boolean({
      nullable: true,
      resolve: (rule) => (rule.kind === 'actual_fare' ? rule.receipt === 'required' : null),
    }),
    capYen: t.int({ nullable: true, resolve: (rule) => (rule.kind === 'actual_fare' ? rule.capYen : null) }),
  }),
});

const CancellationTier = builder.objectRef<RateRules['cancellation'][number]>('CancellationTier').implement({
  description: 'With less notice than noticeHoursUnder, a share of the fee or a fixed amount is owed.',
  fields: (t) => ({
    noticeHoursUnder: t.exposeInt('noticeHoursUnder'),
    percentOfFee: t.exposeInt('percentOfFee', { nullable: true }),
    fixedYen: t.exposeInt('fixedYen', { nullable: true }),
  }),
});

const PayerRule = builder.objectRef<RateRules['payers']['honorarium']>('PayerRule').implement({
  description: 'The person served pays their share (capped); the requester or the association pays the rest.',
  fields: (t) => ({
    paidBy: t.expose('paidBy', { type: PaidByEnum }),
    personServedSharePercent: t.exposeInt('personServedSharePercent'),
    personServedCapYen: t.exposeInt('personServedCapYen', { nullable: true }),
  }),
});

const PayerRules = builder.objectRef<RateRules['payers']>('PayerRules').implement({
  fields: (t) => ({
    honorarium: t.expose('honorarium', { type: PayerRule }),
    translation: t.expose('translation', { type: PayerRule }),
    remote: t.expose('remote', { type: PayerRule }),
    transport: t.expose('transport', { type: PayerRule }),
    cancellation: t.expose('cancellation', { type: PayerRule }),
  }),
});

const RateRulesRef = builder.objectRef<RateRules>('RateRules').implement({
  fields: (t) => ({
    honorarium: t.expose('honorarium', { type: HonorariumRule }),
    translation: t.expose('translation', { type: TranslationRates, nullable: true }),
    remoteSessionYen: t.exposeInt('remoteSessionYen', { nullable: true }),
    transport: t.expose('transport', { type: TransportRule }),
    cancellation: t.expose('cancellation', { type: [CancellationTier] }),
    payers: t.expose('payers', { type: PayerRules }),
  }),
});

export const RateSchedule = builder.drizzleNode('rateSchedules', {
  name: 'RateSchedule',
  description: 'An association’s rates from a date on, until a later schedule takes over.',
  id: { column: (schedule) => schedule.id },
  select: { columns: { associationId: true } },
  authScopes: (schedule) => ({ coordinatorOf: schedule.associationId }),
  fields: (t) => ({
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    illustrative: t.exposeBoolean('illustrative', {
      description: 'Made-up rates (the demo’s): show them as an illustration, never as real.',
    }),
    note: t.exposeString('note', { nullable: true }),
    rules: t.field({
      type: RateRulesRef,
      select: { columns: { rules: true } },
      resolve: (schedule) => readRateRules(schedule.rules),
    }),
    association: t.relation('association'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const HonorariumRuleInput = builder.inputType('HonorariumRuleInput', {
  description: 'The fields the kind uses; the others are left out.',
  fields: (t) => ({
    kind: t.field({ type: HonorariumKindEnum, required: true }),
    amountYen: t.int({ required: false }),
    limitMinutes: t.int({ required: false }),
    firstBlockMinutes: t.int({ required: false }),
    firstBlockYen: t.int({ required: false }),
    perHourYen: t.int({ required: false }),
    roundingUnitMinutes: t.int({ required: false }),
    rounding: t.field({ type: RoundingEnum, required: false }),
  }),
});

const TranslationRatesInput = builder.inputType('TranslationRatesInput', {
  fields: (t) => ({
    perPageYen: t.int({ required: false }),
    perManuscriptPageYen: t.int({ required: false }),
    perWordYen: t.int({ required: false }),
    manuscriptPageCharacters: t.int({ required: false, description: '400 unless told.' }),
    minimumYen: t.int({ required: false }),
  }),
});

const TransportRuleInput = builder.inputType('TransportRuleInput', {
  fields: (t) => ({
    kind: t.field({ type: TransportKindEnum, required: true }),
    receiptRequired: t.boolean({ required: false }),
    capYen: t.int({ required: false }),
  }),
});

const CancellationTierInput = builder.inputType('CancellationTierInput', {
  fields: (t) => ({
    noticeHoursUnder: t.int({ required: true }),
    percentOfFee: t.int({ required: false }),
    fixedYen: t.int({ required: false }),
  }),
});

const PayerRuleInput = builder.inputType('PayerRuleInput', {
  fields: (t) => ({
    paidBy: t.field({ type: PaidByEnum, required: true }),
    personServedSharePercent: t.int({ required: false }),
    personServedCapYen: t.int({ required: false }),
  }),
});

const PayerRulesInput = builder.inputType('PayerRulesInput', {
  fields: (t) => ({
    honorarium: t.field({ type: PayerRuleInput, required: true }),
    translation: t.field({ type: PayerRuleInput, required: true }),
    remote: t.field({ type: PayerRuleInput, required: true }),
    transport: t.field({ type: PayerRuleInput, required: true }),
    cancellation: t.field({ type: PayerRuleInput, required: true }),
  }),
});

const RateScheduleInput = builder.inputType('RateScheduleInput', {
  fields: (t) => ({
    effectiveFrom: t.field({ type: 'Date', required: true }),
    illustrative: t.boolean({ required: false }),
    note: t.string({ required: false }),
    honorarium: t.field({ type: HonorariumRuleInput, required: true }),
    translation: t.field({ type: TranslationRatesInput, required: false }),
    remoteSessionYen: t.int({ required: false }),
    transport: t.field({ type: TransportRuleInput, required: true }),
    cancellation: t.field({ type: [CancellationTierInput], required: false }),
    payers: t.field({ type: PayerRulesInput, required: true }),
  }),
});

type ScheduleInput = typeof RateScheduleInput.$inferInput;
/** The input as the domain's rules; the domain validates it and names each problem's field. */
function rulesOf(input: ScheduleInput): RateRulesInput {
  const payer = (rule: ScheduleInput['payers']['honorarium']) => ({
    paidBy: rule.paidBy,
    personServedSharePercent: orUndefined(rule.personServedSharePercent),
    personServedCapYen: orUndefined(rule.personServedCapYen),
  });
  const { transport } = input;
  return {
    honorarium: Object.fromEntries(
      Object.entries(input.honorarium).filter(([, value]) => value !== null),
    ) as RateRulesInput['honorarium'],
    translation: input.translation
      ? {
          perPageYen: input.translation.perPageYen ?? null,
          perManuscriptPageYen: input.translation.perManuscriptPageYen ?? null,
          perWordYen: input.translation.perWordYen ?? null,
          manuscriptPageCharacters: orUndefined(input.translation.manuscriptPageCharacters),
          minimumYen: orUndefined(input.translation.minimumYen),
        }
      : null,
    remoteSessionYen: input.remoteSessionYen ?? null,
    transport:
      transport.kind === 'none'
        ? { kind: 'none' }
        : {
            kind: 'actual_fare',
            receipt: transport.receiptRequired ? 'required' : 'not_required',
            capYen: transport.capYen ?? null,
          },
    cancellation: (input.cancellation ?? []).map((tier) => ({
      noticeHoursUnder: tier.noticeHoursUnder,
      percentOfFee: tier.percentOfFee ?? null,
      fixedYen: tier.fixedYen ?? null,
    })),
    payers: {
      honorarium: payer(input.payers.honorarium),
      translation: payer(input.payers.translation),
      remote: payer(input.payers.remote),
      transport: payer(input.payers.transport),
      cancellation: payer(input.payers.cancellation),
    },
  };
}

const scheduleOf = (input: ScheduleInput) => ({
  effectiveFrom: input.effectiveFrom,
  illustrative: input.illustrative ?? false,
  note: input.note ?? null,
  rules: rulesOf(input),
});

builder.queryField('rateSchedules', (t) =>
  t.drizzleField({
    type: ['rateSchedules'],
    description: 'Coordinators and admins: the association’s rate schedules, latest first.',
    authScopes: { coordinator: true },
    args: { associationId: t.arg.globalID({ required: true, for: Association }) },
    resolve: (query, _root, { associationId }, context) =>
      context.db.query.rateSchedules.findMany(
        query({ where: visibleAssociation(context, associationId.id), orderBy: { effectiveFrom: 'desc' } }),
      ),
  }),
);

builder.mutationField('createRateSchedule', (t) =>
  t.drizzleField({
    type: 'rateSchedules',
    description: 'An admin adds rates taking effect on a date. Assignments confirmed before keep their copies.',
    authScopes: { admin: true },
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      input: t.arg({ type: RateScheduleInput, required: true }),
    },
    errors: {},
    resolve: async (query, _root, { associationId, input }, { db, services, viewer }) => {
      const row = await services.rateSchedules.create(viewer, associationId.id, scheduleOf(input));
      return selected(db.query.rateSchedules.findFirst(query({ where: { id: row.id } })), 'RateSchedule', row.id);
    },
  }),
);

builder.mutationField('updateRateSchedule', (t) =>
  t.drizzleField({
    type: 'rateSchedules',
    description: 'An admin replaces a schedule. Assignments keep the copies they were confirmed with.',
    authScopes: { admin: true },
    args: {
      rateScheduleId: t.arg.globalID({ required: true, for: RateSchedule }),
      input: t.arg({ type: RateScheduleInput, required: true }),
    },
    errors: {},
    resolve: async (query, _root, { rateScheduleId, input }, { db, services, viewer }) => {
      const row = await services.rateSchedules.update(viewer, rateScheduleId.id, scheduleOf(input));
      return selected(db.query.rateSchedules.findFirst(query({ where: { id: row.id } })), 'RateSchedule', row.id);
    },
  }),
);

builder.mutationField('deleteRateSchedule', (t) =>
  t.field({
    type: 'Boolean',
    authScopes: { admin: true },
    args: { rateScheduleId: t.arg.globalID({ required: true, for: RateSchedule }) },
    errors: {},
    resolve: async (_root, { rateScheduleId }, { services, viewer }) => {
      await services.rateSchedules.remove(viewer, rateScheduleId.id);
      return true;
    },
  }),
);

/* Expense lines. */
