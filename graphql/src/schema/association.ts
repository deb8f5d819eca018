import { builder } from '../builder';

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
