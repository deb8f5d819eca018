import type { Health } from '@tsunagu/services';
import { builder } from '../builder';

const HealthRef = builder.objectRef<Health>('Health').implement({
  description: 'Whether Tsunagu and what it depends on answer. Each dependency is `ok` or a short reason.',
  fields: (t) => ({
    database: t.exposeString('database'),
    temporal: t.exposeString('temporal'),
    worker: t.exposeString('worker', {
      description: 'Whether a worker is polling the task queue of the dispatch workflows.',
    }),
    version: t.exposeString('version'),
  }),
});

builder.queryField('health', (t) =>
  t.field({
    type: HealthRef,
    resolve: (_root, _args, context) => context.health(),
  }),
);
