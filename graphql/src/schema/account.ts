import { anonymous, RateLimitedError, ValidationError } from '@tsunagu/domain';
import { invitedRoles } from '@tsunagu/services';
import { builder } from '../builder';
import { sessionCookie, signIn, signOut } from '../session';
import { Association } from './association';
import { auditRead } from './audit';
import { Organization } from './organization';
import { selected } from './selection';

const LocaleEnum = builder.enumType('Locale', { values: ['ja', 'en'] as const });
const InvitationRoleEnum = builder.enumType('InvitationRole', { values: invitedRoles });
const VolunteerApplicationDecisionEnum = builder.enumType('VolunteerApplicationDecision', {
  values: ['approve', 'reject'] as const,
});

builder.drizzleObject('invitations', {
  name: 'Invitation',
  description: 'An e-mailed, one-use link to create an account in a role. Seen by the association’s coordinators.',
  authScopes: (invitation) => ({ coordinatorOf: invitation.associationId }),
  select: { columns: { id: true, associationId: true } },
  fields: (t) => ({
    email: t.string({
      description: 'The invitee’s address: reading it is audited.',
      select: { columns: { email: true } },
      resolve: async (invitation, _args, context) => {
        await auditRead(
          context,
          { type: 'invitation', id: invitation.id, associationIds: [invitation.associationId] },
          'email',
        );
        return invitation.email;
      },
    }),
    role: t.expose('role', { type: InvitationRoleEnum }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    association: t.relation('association'),
    organization: t.relation('organization', { nullable: true }),
  }),
});

/** A row that was written just before this read; its absence is a bug, not a user error. */

const SignInInput = builder.inputType('SignInInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

builder.mutationField('signIn', (t) =>
  t.drizzleField({
    type: 'users',
    description:
      'Signs in with e-mail and password (sets the session cookie). Too many failures for an address or from a client refuse further tries for a while.',
    args: { input: t.arg({ type: SignInInput, required: true }) },
    errors: { types: [RateLimitedError] },
    resolve: async (query, _root, { input }, context) => {
      const { userId } = await context.services.accounts.signIn(input, context.clientAddress);
      await signIn(context, userId);
      return selected(context.db.query.users.findFirst(query({ where: { id: userId } })), 'User', userId);
    },
  }),
);

builder.mutationField('signOut', (t) =>
  t.boolean({
    description: 'Ends this browser’s session.',
    errors: {},
    resolve: async (_root, _args, context) => {
      await signOut(context);
      context.viewer = anonymous;
      return true;
    },
  }),
);

builder.mutationField('signOutEverywhere', (t) =>
  t.boolean({
    description: 'Ends every session of the signed-in user, on every device.',
    authScopes: { signedIn: true },
    errors: {},
    resolve: async (_root, _args, context) => {
      if (context.viewer.userId) await context.services.sessions.endEverywhere(context.viewer.userId);
      context.cookies.clear(sessionCookie);
      context.viewer = anonymous;
      return true;
    },
  }),
);

const InviteUserInput = builder.inputType('InviteUserInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    role: t.field({ type: InvitationRoleEnum, required: true }),
    associationId: t.globalID({ required: true, for: Association }),
    organizationId: t.globalID({
      required: false,
      for: Organization,
      description: 'For requesting staff: the organization they will work for.',
    }),
    locale: t.field({ type: LocaleEnum, required: false, description: 'The language of the e-mail (ja by default).' }),
  }),
});

builder.mutationField('inviteUser', (t) =>
  t.drizzleField({
    type: 'invitations',
    description:
      'A coordinator invites requesting staff of an organization of the association, a volunteer or a coordinator; an admin also invites admins. The person receives a one-use link, valid for 7 days.',
    authScopes: { coordinator: true },
    args: { input: t.arg({ type: InviteUserInput, required: true }) },
    errors: {},
    resolve: async (query, _root, { input }, { db, services, viewer }) => {
      const row = await services.accounts.invite(viewer, {
        email: input.email,
        role: input.role,
        associationId: input.associationId.id,
        organizationId: input.organizationId?.id,
        locale: input.locale ?? undefined,
      });
      return selected(db.query.invitations.findFirst(query({ where: { id: row.id } })), 'Invitation', row.id);
    },
  }),
);

const InvitedVolunteerInput = builder.inputType('InvitedVolunteerInput', {
  description: 'An invited volunteer’s first profile; languages, regions and the rest are added afterwards.',
  fields: (t) => ({
    fullName: t.string({ required: true }),
    homeLocalGovernmentCode: t.string({ required: true }),
  }),
});

const AcceptInvitationInput = builder.inputType('AcceptInvitationInput', {
  fields: (t) => ({
    token: t.string({ required: true, description: 'The token from the link in the invitation e-mail.' }),
    displayName: t.string({ required: true }),
    password: t.string({ required: true }),
    locale: t.field({ type: LocaleEnum, required: false }),
    volunteer: t.field({ type: InvitedVolunteerInput, required: false, description: 'Required for volunteers.' }),
  }),
});

builder.mutationField('acceptInvitation', (t) =>
  t.drizzleField({
    type: 'users',
    description: 'Creates the invited person’s account in the role they were invited to, and signs them in.',
    args: { input: t.arg({ type: AcceptInvitationInput, required: true }) },
    errors: {},
    resolve: async (query, _root, { input }, context) => {
      const { userId } = await context.services.accounts.acceptInvitation({
        ...input,
        locale: input.locale ?? undefined,
        volunteer: input.volunteer ?? undefined,
      });
      await signIn(context, userId);
      return selected(context.db.query.users.findFirst(query({ where: { id: userId } })), 'User', userId);
    },
  }),
);

const RequestPasswordResetInput = builder.inputType('RequestPasswordResetInput', {
  fields: (t) => ({ email: t.string({ required: true }) }),
});

builder.mutationField('requestPasswordReset', (t) =>
  t.boolean({
    description:
      'E-mails a link to choose a new password, valid for one hour. Answers true whether or not the address has an account.',
    args: { input: t.arg({ type: RequestPasswordResetInput, required: true }) },
    errors: {},
    resolve: async (_root, { input }, { services }) => {
      await services.accounts.requestPasswordReset(input);
      return true;
    },
  }),
);

const ResetPasswordInput = builder.inputType('ResetPasswordInput', {
  fields: (t) => ({
    token: t.string({ required: true, description: 'The token from the link in the reset e-mail.' }),
    password: t.string({ required: true }),
  }),
});

builder.mutationField('resetPassword', (t) =>
  t.drizzleField({
    type: 'users',
    description: 'Sets a new password with a reset link’s token; signs out every other session and signs this one in.',
    args: { input: t.arg({ type: ResetPasswordInput, required: true }) },
    errors: {},
    resolve: async (query, _root, { input }, context) => {
      const { userId } = await context.services.accounts.resetPassword(input);
      await signIn(context, userId);
      return selected(context.db.query.users.findFirst(query({ where: { id: userId } })), 'User', userId);
    },
  }),
);

const VolunteerApplicationInput = builder.inputType('VolunteerApplicationInput', {
  fields: (t) => ({
    associationId: t.globalID({ required: true, for: Association }),
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    fullName: t.string({ required: true }),
    displayName: t.string({ required: false, description: 'How the app greets you; your full name if left out.' }),
    homeLocalGovernmentCode: t.string({ required: true }),
    phone: t.string({ required: false }),
    locale: t.field({ type: LocaleEnum, required: false }),
  }),
});

builder.mutationField('applyAsVolunteer', (t) =>
  t.boolean({
    description:
      'Anyone applies to volunteer for an association: an account and a profile waiting for a coordinator; the applicant then signs in. The answer is the same for an address that has an account (its owner is e-mailed instead), so that it tells nobody who is registered.',
    args: { input: t.arg({ type: VolunteerApplicationInput, required: true }) },
    errors: {},
    resolve: async (_root, { input }, context) => {
      await context.services.accounts.applyAsVolunteer(context.viewer, {
        ...input,
        associationId: input.associationId.id,
        displayName: input.displayName ?? undefined,
        phone: input.phone ?? undefined,
        locale: input.locale ?? undefined,
      });
      return true;
    },
  }),
);

builder.mutationField('decideVolunteerApplication', (t) =>
  t.drizzleField({
    type: 'volunteers',
    description:
      'A coordinator approves (the volunteer becomes active in the association) or rejects a volunteer’s application.',
    authScopes: { coordinator: true },
    args: {
      volunteerId: t.arg.globalID({ required: true }),
      associationId: t.arg.globalID({ required: true, for: Association }),
      decision: t.arg({ type: VolunteerApplicationDecisionEnum, required: true }),
    },
    errors: {},
    resolve: async (query, _root, args, context) => {
      if (args.volunteerId.typename !== 'Volunteer') {
        throw ValidationError.of(['volunteerId'], {
          en: 'This is not the ID of a volunteer.',
          ja: 'ボランティアのIDではありません。',
        });
      }
      await context.services.accounts.decideVolunteerApplication(
        context.viewer,
        args.volunteerId.id,
        args.associationId.id,
        args.decision,
      );
      return selected(
        context.db.query.volunteers.findFirst(query({ where: { id: args.volunteerId.id } })),
        'Volunteer',
        args.volunteerId.id,
      );
    },
  }),
);

const MyAccountInput = builder.inputType('MyAccountInput', {
  description: 'What to change; a field left out stays as it is.',
  fields: (t) => ({
    displayName: t.string({ required: false }),
    locale: t.field({
      type: LocaleEnum,
      required: false,
      description: "The language of the account's e-mails; the app shows the language its page asks for.",
    }),
  }),
});

builder.mutationField('updateMyAccount', (t) =>
  t.drizzleField({
    type: 'users',
    description: 'The signed-in user changes how the app greets them and the language it speaks.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: MyAccountInput, required: true }) },
    errors: {},
    resolve: async (query, _root, { input }, context) => {
      const { userId } = await context.services.accounts.updateOwnAccount(context.viewer, {
        displayName: input.displayName ?? undefined,
        locale: input.locale ?? undefined,
      });
      return selected(context.db.query.users.findFirst(query({ where: { id: userId } })), 'User', userId);
    },
  }),
);
