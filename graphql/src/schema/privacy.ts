import { ErasureRefusedError, erasureRefusals } from '@tsunagu/domain';
import { builder } from '../builder';
import { ErrorInterface } from './errors';
import { User } from './user';
import { Volunteer } from './volunteer';

const ErasureRefusalEnum = builder.enumType('ErasureRefusal', { values: erasureRefusals });

builder.objectType(ErasureRefusedError, {
  name: 'ErasureRefusedError',
  description: 'The person cannot be erased yet (or already was).',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    reason: t.expose('reason', { type: ErasureRefusalEnum }),
    explanation: t.string({
      description: "Why, in the viewer's language.",
      resolve: (error, _args, context) => error.localized[context.viewer.locale],
    }),
  }),
});

const ErasedPerson = builder.objectRef<{ userId: string; pseudonym: string }>('ErasedPerson').implement({
  description:
    'A person whose personal data is erased: what is kept (expense lines, the audit log) names the pseudonym.',
  fields: (t) => ({
    pseudonym: t.exposeString('pseudonym'),
  }),
});

builder.mutationField('erasePerson', (t) =>
  t.field({
    type: ErasedPerson,
    description:
      'An admin of an association the person served erases their personal data on their request (APPI): the expense lines, the confidentiality pledge and the audit log stay, under a pseudonym.',
    authScopes: { admin: true },
    args: {
      personId: t.arg.globalID({
        required: true,
        for: [User, Volunteer],
        description: 'The person’s account (User) or volunteer profile (Volunteer).',
      }),
    },
    errors: { types: [ErasureRefusedError] },
    resolve: (_root, { personId }, { services, viewer }) =>
      services.privacy.erasePerson(
        viewer,
        personId.typename === 'Volunteer' ? { volunteerId: personId.id } : { userId: personId.id },
      ),
  }),
);
