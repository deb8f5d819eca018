import { type AssociationPolicy, invoiceGroupings, readPolicy, scopeRules, taxTreatments } from '@tsunagu/domain';
import { partnershipStatuses, staffRoles } from '@tsunagu/services';
import { builder } from '../builder';
import { selected } from './selection';
import { User } from './user';

export const Association = builder.drizzleNode('associations', {
  name: 'Association',
  description: 'A dispatching body: its coordinators, policies and rates.',
  id: { column: (association) => association.id },
  fields: (t) => ({
    slug: t.exposeString('slug'),
    nameJa: t.exposeString('nameJa'),
    nameEn: t.exposeString('nameEn'),
    localGovernment: t.relation('localGovernment'),
  }),
});

builder.queryField('associations', (t) =>
  t.drizzleField({
    type: ['associations'],
    description: 'The associations of this deployment, for application forms (public).',
    resolve: (query, _root, _args, context) =>
      context.db.query.associations.findMany(query({ orderBy: { nameJa: 'asc' } })),
  }),
);

const ScopeRuleEnum = builder.enumType('ScopeRule', {
  description: 'How sensitive requests are routed: as any other, to certified volunteers only, or not offered.',
  values: scopeRules,
});
const StaffRoleEnum = builder.enumType('StaffRole', { values: staffRoles });

const LeadTimePolicy = builder.objectRef<AssociationPolicy['leadTime']>('LeadTimePolicy').implement({
  fields: (t) => ({
    minimumBusinessDays: t.exposeInt('minimumBusinessDays', {
      description: 'Requests are filed at least this many business days ahead, unless urgent.',
    }),
    holidaysAreBusinessDays: t.exposeBoolean('holidaysAreBusinessDays', {
      description: 'Whether national holidays count when the lead time is counted.',
    }),
  }),
});

const ScopePolicy = builder.objectRef<AssociationPolicy['scope']>('ScopePolicy').implement({
  fields: (t) => ({
    medical: t.expose('medical', { type: ScopeRuleEnum }),
    legal: t.expose('legal', { type: ScopeRuleEnum }),
    emergency: t.expose('emergency', { type: ScopeRuleEnum }),
    infectionRisk: t.expose('infectionRisk', { type: ScopeRuleEnum }),
  }),
});

const OfferPolicy = builder.objectRef<AssociationPolicy['offers']>('OfferPolicy').implement({
  fields: (t) => ({
    waveSize: t.exposeInt('waveSize', { description: 'Volunteers offered a request at once.' }),
    maxWaves: t.exposeInt('maxWaves', { description: 'Waves before a coordinator is asked to step in.' }),
    responseHoursMoreThanAWeekAhead: t.exposeInt('responseHoursMoreThanAWeekAhead'),
    responseHoursWithinAWeek: t.exposeInt('responseHoursWithinAWeek'),
    responseHoursWithinTwoDays: t.exposeInt('responseHoursWithinTwoDays'),
  }),
});

const ReminderPolicy = builder.objectRef<AssociationPolicy['reminders']>('ReminderPolicy').implement({
  fields: (t) => ({
    hoursBeforeStart: t.exposeIntList('hoursBeforeStart'),
    reconfirmationHoursBefore: t.exposeInt('reconfirmationHoursBefore'),
    reconfirmationCutoffHoursBefore: t.exposeInt('reconfirmationCutoffHoursBefore', {
      description: 'An assignment not reconfirmed by then is released.',
    }),
  }),
});

const ScreeningPolicy = builder.objectRef<AssociationPolicy['screening']>('ScreeningPolicy').implement({
  fields: (t) => ({
    autoApproveTrusted: t.exposeBoolean('autoApproveTrusted', {
      description: 'Requests of trusted organizations skip screening, unless flagged as sensitive.',
    }),
  }),
});

const CancellationFeeTier = builder
  .objectRef<AssociationPolicy['cancellation']['feeTiers'][number]>('CancellationFeeTier')
  .implement({
    description: 'A cancellation within `withinHours` of the start owes `feePercent` of the honorarium.',
    fields: (t) => ({
      withinHours: t.exposeInt('withinHours'),
      feePercent: t.exposeInt('feePercent'),
    }),
  });

const CancellationPolicy = builder.objectRef<AssociationPolicy['cancellation']>('CancellationPolicy').implement({
  fields: (t) => ({
    feeTiers: t.field({ type: [CancellationFeeTier], resolve: (policy) => policy.feeTiers }),
  }),
});

const ReportPolicy = builder.objectRef<AssociationPolicy['reports']>('ReportPolicy').implement({
  fields: (t) => ({
    reminderEveryHours: t.exposeInt('reminderEveryHours', {
      description: 'Missing activity reports are asked for again this often after the end…',
    }),
    maxReminders: t.exposeInt('maxReminders', { description: '…this many times; then the coordinators are told.' }),
    activityWindowDays: t.exposeInt('activityWindowDays', {
      description: 'A volunteer reports times on the booked days or this many days either side (Japan time).',
    }),
  }),
});

const PaperworkPolicyRef = builder.objectRef<AssociationPolicy['paperwork']>('PaperworkPolicy').implement({
  description: 'Which papers a volunteer must have in order on the day of the work to be among the candidates.',
  fields: (t) => ({
    requireRegistration: t.exposeBoolean('requireRegistration', {
      description: 'A registration valid on the day of the work (lapsed or never recorded: left out).',
    }),
    requireInsurance: t.exposeBoolean('requireInsurance', {
      description: 'Volunteer insurance that covers the day of the work.',
    }),
    requirePledge: t.exposeBoolean('requirePledge', { description: 'The confidentiality pledge signed.' }),
  }),
});

const TranslationPolicy = builder.objectRef<AssociationPolicy['translation']>('TranslationPolicy').implement({
  fields: (t) => ({
    revisionRounds: t.exposeInt('revisionRounds', {
      description: 'How many times a requester may ask for a revision of a translation before accepting it.',
    }),
    reminderHoursBeforeDeadline: t.exposeIntList('reminderHoursBeforeDeadline', {
      description: 'Reminders to the translator, this many hours before the deadline.',
    }),
  }),
});

const RetentionPolicy = builder.objectRef<AssociationPolicy['retention']>('RetentionPolicy').implement({
  description: 'How long personal data is kept (APPI): what is kept beyond it is pseudonymised.',
  fields: (t) => ({
    retiredPersonMonths: t.exposeInt('retiredPersonMonths', {
      description: 'A retired volunteer (or one who left every association) is anonymised this many months after.',
    }),
    closedOrganizationMonths: t.exposeInt('closedOrganizationMonths', {
      description: 'A closed organization’s contact and staff are anonymised this many months after it closed.',
    }),
    requestParticularsDays: t.exposeInt('requestParticularsDays', {
      description: 'A request’s contact person and notes are erased this many days after the activity.',
    }),
  }),
});

export const TaxTreatmentEnum = builder.enumType('TaxTreatment', {
  values: taxTreatments,
  description: 'How the dispatch fees to public bodies are taxed: at the standard 10 %, or exempt.',
});
export const InvoiceGroupingEnum = builder.enumType('InvoiceGrouping', {
  values: invoiceGroupings,
  description: 'One invoice per requesting organization and month, or one per dispatch.',
});

const InvoicingPolicy = builder.objectRef<AssociationPolicy['invoicing']>('InvoicingPolicy').implement({
  description: 'How the association invoices the requesting organizations (qualified invoices, インボイス制度).',
  fields: (t) => ({
    registrationNumber: t.exposeString('registrationNumber', {
      nullable: true,
      description: 'The qualified invoice issuer’s registration number, T and 13 digits; null until it is set.',
    }),
    taxTreatment: t.expose('taxTreatment', { type: TaxTreatmentEnum }),
    grouping: t.expose('grouping', { type: InvoiceGroupingEnum }),
  }),
});

const AssociationPolicyRef = builder.objectRef<AssociationPolicy>('AssociationPolicy').implement({
  fields: (t) => ({
    leadTime: t.expose('leadTime', { type: LeadTimePolicy }),
    scope: t.expose('scope', { type: ScopePolicy }),
    offers: t.expose('offers', { type: OfferPolicy }),
    reminders: t.expose('reminders', { type: ReminderPolicy }),
    screening: t.expose('screening', { type: ScreeningPolicy }),
    cancellation: t.expose('cancellation', { type: CancellationPolicy }),
    reports: t.expose('reports', { type: ReportPolicy }),
    paperwork: t.expose('paperwork', { type: PaperworkPolicyRef }),
    retention: t.expose('retention', { type: RetentionPolicy }),
    invoicing: t.expose('invoicing', { type: InvoicingPolicy }),
    translation: t.expose('translation', { type: TranslationPolicy }),
  }),
});

const PartnershipStatusEnum = builder.enumType('PartnershipStatus', { values: partnershipStatuses });

builder.drizzleObject('associationPartners', {
  name: 'AssociationPartnership',
  description:
    'An association may open its requests to a partner’s volunteers once the partner’s admin has accepted its proposal. What the partner’s coordinators then see of those volunteers: `Volunteer`.',
  fields: (t) => ({
    association: t.relation('association', { description: 'The one that proposed, and may call on the partner.' }),
    partner: t.relation('partner', { description: 'The one whose volunteers it may call on, once it accepts.' }),
    status: t.expose('status', { type: PartnershipStatusEnum }),
    proposedAt: t.expose('proposedAt', { type: 'DateTime' }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.drizzleObject('associationStaff', {
  name: 'AssociationStaffMember',
  fields: (t) => ({
    user: t.relation('user'),
    role: t.expose('role', { type: StaffRoleEnum }),
  }),
});

// Null (rather than an error) for the associations the viewer does not run, so that a list of
// associations with these fields still shows the viewer's own.
builder.drizzleObjectFields(Association, (t) => ({
  policy: t.field({
    type: AssociationPolicyRef,
    nullable: true,
    description: 'Coordinators and admins of the association; null for others.',
    authScopes: (association) => ({ coordinatorOf: association.id }),
    unauthorizedResolver: () => null,
    select: { columns: { policy: true } },
    resolve: (association) => readPolicy(association.policy),
  }),
  partnerships: t.relation('partnerships', {
    nullable: true,
    description:
      'Partnerships this association proposed: once accepted, it may open its requests to the partner’s volunteers. Coordinators and admins; null for others.',
    authScopes: (association) => ({ coordinatorOf: association.id }),
    unauthorizedResolver: () => null,
    args: { status: t.arg({ type: PartnershipStatusEnum, required: false }) },
    query: ({ status }) => ({ where: status ? { status } : {}, orderBy: { proposedAt: 'asc' } }),
  }),
  partneredBy: t.relation('partneredBy', {
    nullable: true,
    description:
      'Partnerships others proposed to this association (`status: proposed`: waiting for its admins); once accepted, they may open their requests to its volunteers. Coordinators and admins; null for others.',
    authScopes: (association) => ({ coordinatorOf: association.id }),
    unauthorizedResolver: () => null,
    args: { status: t.arg({ type: PartnershipStatusEnum, required: false }) },
    query: ({ status }) => ({ where: status ? { status } : {}, orderBy: { proposedAt: 'asc' } }),
  }),
  staff: t.relation('staff', {
    nullable: true,
    description: 'Coordinators and admins. Admins of the association; null for others.',
    authScopes: (association) => ({ adminOf: association.id }),
    unauthorizedResolver: () => null,
  }),
}));

const LeadTimePolicyInput = builder.inputType('LeadTimePolicyInput', {
  fields: (t) => ({
    minimumBusinessDays: t.int({ required: false }),
    holidaysAreBusinessDays: t.boolean({ required: false }),
  }),
});

const ScopePolicyInput = builder.inputType('ScopePolicyInput', {
  fields: (t) => ({
    medical: t.field({ type: ScopeRuleEnum, required: false }),
    legal: t.field({ type: ScopeRuleEnum, required: false }),
    emergency: t.field({ type: ScopeRuleEnum, required: false }),
    infectionRisk: t.field({ type: ScopeRuleEnum, required: false }),
  }),
});

const OfferPolicyInput = builder.inputType('OfferPolicyInput', {
  fields: (t) => ({
    waveSize: t.int({ required: false }),
    maxWaves: t.int({ required: false }),
    responseHoursMoreThanAWeekAhead: t.int({ required: false }),
    responseHoursWithinAWeek: t.int({ required: false }),
    responseHoursWithinTwoDays: t.int({ required: false }),
  }),
});

const ReminderPolicyInput = builder.inputType('ReminderPolicyInput', {
  fields: (t) => ({
    hoursBeforeStart: t.intList({ required: false }),
    reconfirmationHoursBefore: t.int({ required: false }),
    reconfirmationCutoffHoursBefore: t.int({ required: false }),
  }),
});

const ScreeningPolicyInput = builder.inputType('ScreeningPolicyInput', {
  fields: (t) => ({ autoApproveTrusted: t.boolean({ required: false }) }),
});

const CancellationFeeTierInput = builder.inputType('CancellationFeeTierInput', {
  fields: (t) => ({ withinHours: t.int({ required: true }), feePercent: t.int({ required: true }) }),
});

const CancellationPolicyInput = builder.inputType('CancellationPolicyInput', {
  fields: (t) => ({
    feeTiers: t.field({ type: [CancellationFeeTierInput], required: false, description: 'Replaces every tier.' }),
  }),
});

const ReportPolicyInput = builder.inputType('ReportPolicyInput', {
  fields: (t) => ({
    reminderEveryHours: t.int({ required: false }),
    maxReminders: t.int({ required: false }),
    activityWindowDays: t.int({ required: false }),
  }),
});

const PaperworkPolicyInput = builder.inputType('PaperworkPolicyInput', {
  fields: (t) => ({
    requireRegistration: t.boolean({ required: false }),
    requireInsurance: t.boolean({ required: false }),
    requirePledge: t.boolean({ required: false }),
  }),
});

const RetentionPolicyInput = builder.inputType('RetentionPolicyInput', {
  fields: (t) => ({
    retiredPersonMonths: t.int({ required: false }),
    closedOrganizationMonths: t.int({ required: false }),
    requestParticularsDays: t.int({ required: false }),
  }),
});

const InvoicingPolicyInput = builder.inputType('InvoicingPolicyInput', {
  fields: (t) => ({
    registrationNumber: t.string({
      required: false,
      description: 'T and 13 half-width digits, its check digit right.',
    }),
    taxTreatment: t.field({ type: TaxTreatmentEnum, required: false }),
    grouping: t.field({ type: InvoiceGroupingEnum, required: false }),
  }),
});

const TranslationPolicyInput = builder.inputType('TranslationPolicyInput', {
  fields: (t) => ({
    revisionRounds: t.int({ required: false }),
    reminderHoursBeforeDeadline: t.intList({ required: false }),
  }),
});

const AssociationPolicyInput = builder.inputType('AssociationPolicyInput', {
  description: 'The settings to change; those left out (or null) stay as they are.',
  fields: (t) => ({
    leadTime: t.field({ type: LeadTimePolicyInput, required: false }),
    scope: t.field({ type: ScopePolicyInput, required: false }),
    offers: t.field({ type: OfferPolicyInput, required: false }),
    reminders: t.field({ type: ReminderPolicyInput, required: false }),
    screening: t.field({ type: ScreeningPolicyInput, required: false }),
    cancellation: t.field({ type: CancellationPolicyInput, required: false }),
    reports: t.field({ type: ReportPolicyInput, required: false }),
    paperwork: t.field({ type: PaperworkPolicyInput, required: false }),
    retention: t.field({ type: RetentionPolicyInput, required: false }),
    invoicing: t.field({ type: InvoicingPolicyInput, required: false }),
    translation: t.field({ type: TranslationPolicyInput, required: false }),
  }),
});

/** GraphQL's null means "left out" here: no setting can be cleared. */
function given<Group extends object>(group: Group | null | undefined) {
  if (!group) return undefined;
  return Object.fromEntries(Object.entries(group).filter(([, value]) => value !== null && value !== undefined)) as {
    [Key in keyof Group]?: NonNullable<Group[Key]>;
  };
}

builder.mutationField('updateAssociationPolicy', (t) =>
  t.drizzleField({
    type: 'associations',
    description: 'An admin changes some of the association’s policy settings.',
    authScopes: { admin: true },
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      input: t.arg({ type: AssociationPolicyInput, required: true }),
    },
    errors: {},
    resolve: async (query, _root, { associationId, input }, { db, services, viewer }) => {
      await services.associations.updatePolicy(viewer, associationId.id, {
        leadTime: given(input.leadTime),
        scope: given(input.scope),
        offers: given(input.offers),
        reminders: given(input.reminders),
        screening: given(input.screening),
        cancellation: given(input.cancellation),
        reports: given(input.reports),
        paperwork: given(input.paperwork),
        retention: given(input.retention),
        invoicing: given(input.invoicing),
        translation: given(input.translation),
      });
      return selected(
        db.query.associations.findFirst(query({ where: { id: associationId.id } })),
        'Association',
        associationId.id,
      );
    },
  }),
);

/** A partnership step by an admin of `associationId`, with `partnerId` the other side; answers with the association. */
function partnershipMutation(name: string, description: string, step: 'propose' | 'accept' | 'decline' | 'end') {
  builder.mutationField(name, (t) =>
    t.drizzleField({
      type: 'associations',
      description,
      authScopes: { admin: true },
      args: {
        associationId: t.arg.globalID({ required: true, for: Association, description: 'The admin’s association.' }),
        partnerId: t.arg.globalID({ required: true, for: Association, description: 'The other association.' }),
      },
      errors: {},
      resolve: async (query, _root, { associationId, partnerId }, { db, services, viewer }) => {
        await services.partnerships[step](viewer, associationId.id, partnerId.id);
        return selected(
          db.query.associations.findFirst(query({ where: { id: associationId.id } })),
          'Association',
          associationId.id,
        );
      },
    }),
  );
}

partnershipMutation(
  'proposeAssociationPartnership',
  'An admin proposes to open the association’s requests to the partner’s volunteers; nothing opens until the partner’s admin accepts.',
  'propose',
);
partnershipMutation(
  'acceptAssociationPartnership',
  'An admin accepts the partner’s proposal: the partner may then open its requests to this association’s volunteers.',
  'accept',
);
partnershipMutation('declineAssociationPartnership', 'An admin declines the partner’s proposal.', 'decline');
partnershipMutation(
  'endAssociationPartnership',
  'An admin of either side ends the partnership with the other association, both ways, proposed or accepted.',
  'end',
);

builder.mutationField('grantAssociationRole', (t) =>
  t.drizzleField({
    type: 'associations',
    description: 'An admin makes a user a coordinator or an admin of the association.',
    authScopes: { admin: true },
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      userId: t.arg.globalID({ required: true, for: User }),
      role: t.arg({ type: StaffRoleEnum, required: true }),
    },
    errors: {},
    resolve: async (query, _root, { associationId, userId, role }, { db, services, viewer }) => {
      await services.associations.grantRole(viewer, associationId.id, userId.id, role);
      return selected(
        db.query.associations.findFirst(query({ where: { id: associationId.id } })),
        'Association',
        associationId.id,
      );
    },
  }),
);

builder.mutationField('revokeAssociationRole', (t) =>
  t.drizzleField({
    type: 'associations',
    description: 'An admin removes a user from the association’s staff (never its last admin).',
    authScopes: { admin: true },
    args: {
      associationId: t.arg.globalID({ required: true, for: Association }),
      userId: t.arg.globalID({ required: true, for: User }),
    },
    errors: {},
    resolve: async (query, _root, { associationId, userId }, { db, services, viewer }) => {
      await services.associations.revokeRole(viewer, associationId.id, userId.id);
      return selected(
        db.query.associations.findFirst(query({ where: { id: associationId.id } })),
        'Association',
        associationId.id,
      );
    },
  }),
);
