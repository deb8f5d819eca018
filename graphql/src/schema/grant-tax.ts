import {
  adviseCategory,
  type BearingBodyKind,
  bearingBodyOf,
  type CategoryAdvice,
  grantTaxMeasureNames,
} from '@tsunagu/domain';
import { builder } from '../builder';
import { BearingBodyKindEnum, categoryName, EligibilityEnum, MeasureEnum } from './expense-line';
import { Request } from './request';

type Advice = CategoryAdvice & { bearer: BearingBodyKind };

const GrantTaxAdvice = builder.objectRef<Advice>('GrantTaxAdvice').implement({
  description:
    'What the grant-tax table says of a request’s category for the body that bears its cost, and the eligible category to take when it is flagged.',
  fields: (t) => ({
    category: t.string({ description: '1–7, G or N.', resolve: (advice) => advice.chosen }),
    categoryName: t.string({ resolve: (advice, _args, context) => categoryName(advice.chosen, context) }),
    bearingKind: t.expose('bearer', { type: BearingBodyKindEnum }),
    eligibility: t.field({ type: EligibilityEnum, resolve: (advice) => advice.eligibility.kind }),
    measure: t.field({
      type: MeasureEnum,
      nullable: true,
      resolve: (advice) => (advice.eligibility.kind === 'eligible' ? advice.eligibility.measure : null),
    }),
    measureName: t.string({
      nullable: true,
      description: 'The measure in the reader’s language.',
      resolve: (advice, _args, { viewer }) =>
        advice.eligibility.kind === 'eligible' ? grantTaxMeasureNames[advice.eligibility.measure][viewer.locale] : null,
    }),
    flag: t.string({
      nullable: true,
      description: 'Why the table does not allow the category for this body, in the reader’s language.',
      resolve: (advice, _args, { viewer }) =>
        advice.eligibility.kind === 'flagged' ? advice.eligibility.reason[viewer.locale] : null,
    }),
    suggestedCategory: t.string({
      description: 'What the purpose suggests for this body.',
      resolve: (a) => a.suggested,
    }),
    instead: t.string({
      nullable: true,
      description: 'When flagged: the eligible category to take instead (overrideRequestCategory).',
      resolve: (advice) => advice.instead,
    }),
    insteadName: t.string({
      nullable: true,
      resolve: (advice, _args, context) => (advice.instead ? categoryName(advice.instead, context) : null),
    }),
  }),
});

builder.drizzleObjectField(Request, 'grantTax', (t) =>
  t.field({
    type: GrantTaxAdvice,
    description: 'The request’s grant-tax category as the table judges it for the body that bears the cost.',
    select: {
      columns: { purpose: true, grantTaxCategory: true },
      with: {
        organization: {
          columns: {},
          with: { localGovernment: { columns: { code: true, kind: true, parentCode: true } } },
        },
      },
    },
    resolve: (request) => {
      const bearer = bearingBodyOf(request.organization.localGovernment).kind;
      return { ...adviseCategory(request.purpose, bearer, request.grantTaxCategory as Advice['chosen']), bearer };
    },
  }),
);
