import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import {
  createLogger,
  createMailTransport,
  deliverPending,
  enqueueEmail,
  hashPassword,
  type ParsedMail,
  startMailCatcher,
} from '@tsunagu/services';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { insertAssociation, insertStaffMember, insertUser, setLocale } from '../support/fixtures';
import { startSmtpServer } from '../support/smtp';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** The session token the server set ('' when it cleared the cookie), as the browser would keep it. */
function sessionCookie(response: Response): string | undefined {
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('tsunagu_session='));
  const value = cookie?.split(';')[0]?.slice('tsunagu_session='.length);
  return value === undefined ? undefined : decodeURIComponent(value);
}

function linkToken(mail: ParsedMail | undefined, path: string): string {
  const match = new RegExp(`https://tsunagu\\.example\\.jp${path}#token=([A-Za-z0-9_-]+)`).exec(mail?.text ?? '');
  if (!match?.[1]) throw new Error(`no ${path} link in the e-mail`);
  return match[1];
}

const me = /* GraphQL */ `
  query { me { displayName } }
`;

const invite = /* GraphQL */ `
  mutation Invite($input: InviteUserInput!) {
    inviteUser(input: $input) {
      __typename
      ... on MutationInviteUserSuccess { data { email role } }
      ... on ValidationError { problems { path message } }
      ... on Error { message }
    }
  }
`;

const accept = /* GraphQL */ `
  mutation Accept($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      __typename
      ... on MutationAcceptInvitationSuccess { data { displayName } }
      ... on ValidationError { problems { path message } }
    }
  }
`;

const signIn = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on MutationSignInSuccess { data { displayName } }
      ... on RateLimitedError { retryAfterSeconds message }
      ... on ValidationError { problems { path message } }
    }
  }
`;

const requestReset = /* GraphQL */ `
  mutation RequestReset($email: String!) {
    requestPasswordReset(input: { email: $email }) {
      __typename
      ... on MutationRequestPasswordResetSuccess { data }
    }
  }
`;

const resetPassword = /* GraphQL */ `
  mutation Reset($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      __typename
      ... on MutationResetPasswordSuccess { data { displayName } }
      ... on ValidationError { problems { path message } }
    }
  }
`;

const applyAsVolunteer = /* GraphQL */ `
  mutation Apply($input: VolunteerApplicationInput!) {
    applyAsVolunteer(input: $input) {
      __typename
      ... on MutationApplyAsVolunteerSuccess { data }
      ... on ValidationError { problems { path message } }
    }
  }
`;

const decide = /* GraphQL */ `
  mutation Decide($volunteerId: ID!, $associationId: ID!, $decision: VolunteerApplicationDecision!) {
    decideVolunteerApplication(volunteerId: $volunteerId, associationId: $associationId, decision: $decision) {
      __typename
      ... on MutationDecideVolunteerApplicationSuccess { data { status memberships { status } } }
      ... on Error { message }
    }
  }
`;

describe('accounts and e-mail, through the API and a real SMTP server', () => {
  let testDb: TestDatabase;
  let api: TestApi;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let associationId: string;
  let coordinatorId: string;
  const clock = fixedClock('2026-04-01T10:00:00');
  const logger = createLogger({ level: 'silent' });
  const deliver = () =>
    deliverPending({
      db: testDb.database.db,
      transport: createMailTransport(smtp.url),
      clock,
      logger,
      from: 'Tsunagu <no-reply@tsunagu.localhost>',
      publicUrl: 'https://tsunagu.example.jp',
    });

  beforeAll(async () => {
    testDb = await openTestDatabase();
    smtp = await startSmtpServer();
    api = await startTestApi(testDb.database, { clock });
    associationId = (await insertAssociation(testDb.database.db)).id;
    coordinatorId = (await insertStaffMember(testDb.database.db, associationId, 'coordinator')).id;
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
    await testDb?.dispose();
  });

  const userWithPassword = async (email: string, password: string) =>
    insertUser(testDb.database.db, { email, displayName: '利用 花子', passwordHash: await hashPassword(password) });

  test('a coordinator invites a volunteer, who follows the e-mailed link and is signed in', async () => {
    const session = await api.sessionFor(coordinatorId);
    const invited = await api.graphql<{ inviteUser: { data: { email: string; role: string } } }>(
      invite,
      {
        input: {
          email: 'Nguyen.Lan@example.jp',
          role: 'volunteer',
          associationId: globalId('Association', associationId),
        },
      },
      { session },
    );
    expect(invited.data?.inviteUser.data).toEqual({ email: 'nguyen.lan@example.jp', role: 'volunteer' });

    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const [email] = smtp.to('nguyen.lan@example.jp');
    expect(email?.subject).toBe('【つなぐ】大阪国際交流センターからの招待');
    const token = linkToken(email, '/accept-invitation');

    const input = {
      token,
      displayName: 'グエン ラン',
      password: 'correct horse battery',
      volunteer: { fullName: 'Nguyen Thi Lan', homeLocalGovernmentCode: '272035' },
    };
    const accepted = await api.graphql<{ acceptInvitation: { data: { displayName: string } } }>(accept, { input });
    expect(accepted.data?.acceptInvitation.data).toEqual({ displayName: 'グエン ラン' });
    const cookie = sessionCookie(accepted.response);
    expect(cookie).toBeDefined();
    const asNewVolunteer = await api.graphql<{ me: { displayName: string } | null }>(me, {}, { session: cookie });
    expect(asNewVolunteer.data?.me).toEqual({ displayName: 'グエン ラン' });

    const [volunteer] = await testDb.database.db
      .select({ status: schema.volunteers.status, membership: schema.volunteerMemberships.status })
      .from(schema.volunteers)
      .innerJoin(schema.volunteerMemberships, eq(schema.volunteerMemberships.volunteerId, schema.volunteers.id))
      .where(eq(schema.volunteers.fullName, 'Nguyen Thi Lan'));
    expect(volunteer).toEqual({ status: 'active', membership: 'active' });

    // Signed out, the viewer reads the language the page asks for, else Japanese.
    const again = await api.graphql<{ acceptInvitation: { problems: unknown[] } }>(accept, { input });
    expect(again.data?.acceptInvitation.problems).toEqual([
      { path: ['input', 'token'], message: 'この招待は使用済みです。ログインしてください。' },
    ]);
    const inEnglish = await api.graphql<{ acceptInvitation: { problems: Array<{ message: string }> } }>(
      accept,
      { input },
      { headers: { 'accept-language': 'en' } },
    );
    expect(inEnglish.data?.acceptInvitation.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^This invitation/),
    ]);
  });

  test('an expired invitation is refused, naming the token, and creates no account', async () => {
    const session = await api.sessionFor(coordinatorId);
    await api.graphql(
      invite,
      { input: { email: 'late@example.jp', role: 'volunteer', associationId: globalId('Association', associationId) } },
      { session },
    );
    await deliver();
    const token = linkToken(smtp.to('late@example.jp')[0], '/accept-invitation');
    const usersBefore = await testDb.database.db.select({ id: schema.users.id }).from(schema.users);

    clock.advance({ days: 7, minutes: 1 });
    const result = await api.graphql<{ acceptInvitation: { __typename: string; problems: unknown[] } }>(accept, {
      input: {
        token,
        displayName: '遅い 人',
        password: 'correct horse battery',
        volunteer: { fullName: 'Late Comer', homeLocalGovernmentCode: '272035' },
      },
    });
    expect(result.data?.acceptInvitation).toEqual({
      __typename: 'ValidationError',
      problems: [
        { path: ['input', 'token'], message: 'この招待は有効期限が切れています。新しい招待を依頼してください。' },
      ],
    });
    expect(sessionCookie(result.response)).toBeUndefined();
    expect(await testDb.database.db.select({ id: schema.users.id }).from(schema.users)).toHaveLength(
      usersBefore.length,
    );
    const [invitation] = await testDb.database.db
      .select({ acceptedAt: schema.invitations.acceptedAt })
      .from(schema.invitations)
      .where(eq(schema.invitations.email, 'late@example.jp'));
    expect(invitation?.acceptedAt).toBeNull();
  });

  test('only admins invite admins, and requesting staff need their organization', async () => {
    const input = { email: 'boss@example.jp', associationId: globalId('Association', associationId) };
    const coordinator = await api.sessionFor(coordinatorId);
    const byCoordinator = await api.graphql<{ inviteUser: { __typename: string } }>(
      invite,
      { input: { ...input, role: 'admin' } },
      { session: coordinator },
    );
    expect(byCoordinator.data?.inviteUser.__typename).toBe('ForbiddenError');

    const englishCoordinator = await insertStaffMember(testDb.database.db, associationId, 'coordinator');
    await setLocale(testDb.database.db, englishCoordinator.id, 'en');
    const requester = await api.graphql<{ inviteUser: { problems: unknown[] } }>(
      invite,
      { input: { ...input, role: 'requester' } },
      { session: await api.sessionFor(englishCoordinator.id) },
    );
    expect(requester.data?.inviteUser.problems).toEqual([
      { path: ['input', 'organizationId'], message: 'Choose the organization the person will work for.' },
    ]);

    const admin = await insertStaffMember(testDb.database.db, associationId, 'admin');
    const byAdmin = await api.graphql<{ inviteUser: { data: { role: string } } }>(
      invite,
      { input: { ...input, role: 'admin', locale: 'en' } },
      { session: await api.sessionFor(admin.id) },
    );
    expect(byAdmin.data?.inviteUser.data.role).toBe('admin');
    const anonymous = await api.graphql(invite, { input: { ...input, role: 'volunteer' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a forgotten password is reset through the e-mailed link, which then no longer works', async () => {
    const user = await userWithPassword('forgetful@example.jp', 'old password 123');
    const otherDevice = await api.sessionFor(user.id);

    const answers = await Promise.all(
      ['Forgetful@Example.jp', 'nobody-here@example.jp'].map((email) => api.graphql(requestReset, { email })),
    );
    // The same answer whether or not there is an account.
    expect(answers.map((answer) => answer.data)).toEqual([
      { requestPasswordReset: { __typename: 'MutationRequestPasswordResetSuccess', data: true } },
      { requestPasswordReset: { __typename: 'MutationRequestPasswordResetSuccess', data: true } },
    ]);
    await deliver();
    expect(smtp.to('nobody-here@example.jp')).toHaveLength(0);
    const [email] = smtp.to('forgetful@example.jp');
    expect(email?.subject).toBe('【つなぐ】パスワードの再設定');
    const token = linkToken(email, '/reset-password');

    const reset = await api.graphql<{ resetPassword: { data: { displayName: string } } }>(resetPassword, {
      input: { token, password: 'new password 456' },
    });
    expect(reset.data?.resetPassword.data).toEqual({ displayName: '利用 花子' });
    const cookie = sessionCookie(reset.response);
    expect((await api.graphql<{ me: unknown }>(me, {}, { session: cookie })).data?.me).toEqual({
      displayName: '利用 花子',
    });
    // Resetting signed out the other device.
    expect((await api.graphql<{ me: unknown }>(me, {}, { session: otherDevice })).data?.me).toBeNull();

    const [before] = await testDb.database.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    const reused = await api.graphql<{ resetPassword: { problems: unknown[] } }>(resetPassword, {
      input: { token, password: 'third password 789' },
    });
    expect(reused.data?.resetPassword.problems).toEqual([
      { path: ['input', 'token'], message: 'この再設定用リンクは使用済みです。もう一度お申し込みください。' },
    ]);
    expect(sessionCookie(reused.response)).toBeUndefined();
    const [after] = await testDb.database.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(after?.passwordHash).toBe(before?.passwordHash);

    const signedIn = await api.graphql<{ signIn: { __typename: string } }>(signIn, {
      input: { email: 'forgetful@example.jp', password: 'new password 456' },
    });
    expect(signedIn.data?.signIn.__typename).toBe('MutationSignInSuccess');
  });

  test('the sixth try after five wrong passwords is refused, even with the right one, until the window passes', async () => {
    await userWithPassword('guessed@example.jp', 'the right password');
    const attempt = (password: string) =>
      api.graphql<{
        signIn: { __typename: string; retryAfterSeconds?: number; problems?: unknown[] };
      }>(signIn, { input: { email: 'guessed@example.jp', password } });

    for (let minute = 0; minute < 5; minute++) {
      const wrong = await attempt(`wrong password ${minute}`);
      expect(wrong.data?.signIn.problems).toEqual([
        { path: ['input', 'password'], message: 'メールアドレスまたはパスワードが正しくありません。' },
      ]);
      clock.advance({ minutes: 1 });
    }
    // The first failure was 5 minutes ago: it leaves the 15-minute window in 10 minutes.
    const refused = await attempt('the right password');
    expect(refused.data?.signIn).toMatchObject({ __typename: 'RateLimitedError', retryAfterSeconds: 600 });
    expect(sessionCookie(refused.response)).toBeUndefined();

    clock.advance({ minutes: 10 });
    const allowed = await attempt('the right password');
    expect(allowed.data?.signIn.__typename).toBe('MutationSignInSuccess');
    expect(sessionCookie(allowed.response)).toBeDefined();
  });

  test('signing out everywhere ends the sessions on other devices too', async () => {
    const user = await userWithPassword('many-devices@example.jp', 'a long password');
    const [laptop, phone, tablet] = await Promise.all([1, 2, 3].map(() => api.sessionFor(user.id)));
    const meOn = async (session: string | undefined) =>
      (await api.graphql<{ me: unknown }>(me, {}, { session })).data?.me ?? null;

    const signOut = await api.graphql(`mutation { signOut { __typename } }`, {}, { session: laptop });
    expect(sessionCookie(signOut.response)).toBe('');
    expect(await meOn(laptop)).toBeNull();
    expect(await meOn(phone)).not.toBeNull();

    const everywhere = await api.graphql<{ signOutEverywhere: { __typename: string } }>(
      `mutation { signOutEverywhere { __typename ... on MutationSignOutEverywhereSuccess { data } } }`,
      {},
      { session: phone },
    );
    expect(everywhere.data?.signOutEverywhere).toEqual({
      __typename: 'MutationSignOutEverywhereSuccess',
      data: true,
    });
    expect(await meOn(phone)).toBeNull();
    expect(await meOn(tablet)).toBeNull();
  });

  test('an application naming an unknown association and an unknown home is told both at once, and makes no account', async () => {
    const input = {
      associationId: globalId('Association', '00000000-0000-4000-8000-000000000000'),
      email: 'nowhere@example.jp',
      password: 'nowhere to be found',
      fullName: 'Tran Van Binh',
      homeLocalGovernmentCode: '999999',
    };
    const { data } = await api.graphql<{ applyAsVolunteer: unknown }>(applyAsVolunteer, { input });
    // Applicants are signed out, so they read Japanese, the app's default language.
    expect(data?.applyAsVolunteer).toEqual({
      __typename: 'ValidationError',
      problems: [
        { path: ['input', 'associationId'], message: '該当する協会がありません。' },
        { path: ['input', 'homeLocalGovernmentCode'], message: 'このコードの地方公共団体が見つかりません。' },
      ],
    });
    const accounts = await testDb.database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, input.email));
    expect(accounts).toHaveLength(0);
  });

  test('five applications with one new address at once all answer alike, and one account is made', async () => {
    const input = {
      associationId: globalId('Association', associationId),
      email: 'at.once@example.jp',
      password: 'five at a time',
      fullName: 'Nguyen Van An',
      homeLocalGovernmentCode: '271004',
    };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => api.graphql<{ applyAsVolunteer: unknown }>(applyAsVolunteer, { input })),
    );
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.applyAsVolunteer).toEqual({ __typename: 'MutationApplyAsVolunteerSuccess', data: true });
    }
    const accounts = await testDb.database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, input.email));
    expect(accounts).toHaveLength(1);
  });

  test('a volunteer applies, is told so by e-mail and in the app, and a coordinator approves; an application with a registered e-mail answers the same and e-mails its owner instead', async () => {
    const input = {
      associationId: globalId('Association', associationId),
      email: 'maria.santos@example.jp',
      password: 'obrigada muito',
      fullName: 'Maria Santos',
      homeLocalGovernmentCode: '271004',
      locale: 'en',
    };
    const applied = await api.graphql<{ applyAsVolunteer: unknown }>(applyAsVolunteer, { input });
    expect(applied.data?.applyAsVolunteer).toEqual({ __typename: 'MutationApplyAsVolunteerSuccess', data: true });
    // Applying signs nobody in: an answer that did would tell a registered address from a new one.
    expect(sessionCookie(applied.response)).toBeUndefined();

    // Again with Maria's address (in other case), and with the address of a Japanese-speaking user.
    const hanako = await userWithPassword('hanako.riyou@example.jp', 'sakura sakura');
    const usersBefore = await testDb.database.db.select({ id: schema.users.id }).from(schema.users);
    for (const email of ['Maria.Santos@example.jp', 'hanako.riyou@example.jp']) {
      const again = await api.graphql<{ applyAsVolunteer: unknown }>(applyAsVolunteer, {
        input: { ...input, email, fullName: 'Another Maria', password: 'a guess at it' },
      });
      expect(again.data).toEqual(applied.data);
      expect(again.errors).toEqual(applied.errors);
      expect(again.response.status).toBe(applied.response.status);
      expect(sessionCookie(again.response)).toBeUndefined();
    }
    expect(await testDb.database.db.select({ id: schema.users.id }).from(schema.users)).toHaveLength(
      usersBefore.length,
    );
    const [hanakosVolunteer] = await testDb.database.db
      .select({ id: schema.volunteers.id })
      .from(schema.volunteers)
      .where(eq(schema.volunteers.userId, hanako.id));
    expect(hanakosVolunteer).toBeUndefined();

    await deliver();
    expect(smtp.to('maria.santos@example.jp').map((mail) => mail.subject)).toEqual([
      '[Tsunagu] We received your volunteer application',
      '[Tsunagu] A volunteer application with your e-mail address',
    ]);
    expect(smtp.to('hanako.riyou@example.jp').map((mail) => mail.subject)).toEqual([
      '【つなぐ】このメールアドレスでボランティア登録の申請がありました',
    ]);
    // Maria signs in with her own password; the guess of the second applicant opens nothing.
    const guessed = await api.graphql(signIn, { input: { email: input.email, password: 'a guess at it' } });
    expect(sessionCookie(guessed.response)).toBeUndefined();
    const signedIn = await api.graphql(signIn, { input: { email: input.email, password: input.password } });
    const applicantSession = sessionCookie(signedIn.response);
    expect(applicantSession).toBeDefined();
    const inbox = await api.graphql<{ inbox: { edges: Array<{ node: { subject: string } }> } }>(
      `query { inbox(first: 10) { edges { node { subject } } } }`,
      {},
      { session: applicantSession },
    );
    expect(inbox.data?.inbox.edges.map((edge) => edge.node.subject).sort()).toEqual([
      '[Tsunagu] A volunteer application with your e-mail address',
      '[Tsunagu] We received your volunteer application',
    ]);
    const [volunteer] = await testDb.database.db
      .select({ id: schema.volunteers.id, status: schema.volunteers.status })
      .from(schema.volunteers)
      .where(eq(schema.volunteers.fullName, 'Maria Santos'));
    expect(volunteer?.status).toBe('applied');

    const decision = {
      volunteerId: globalId('Volunteer', volunteer?.id ?? ''),
      associationId: globalId('Association', associationId),
    };
    const byApplicant = await api.graphql<{ decideVolunteerApplication: unknown }>(
      decide,
      { ...decision, decision: 'approve' },
      { session: applicantSession },
    );
    expect(byApplicant.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const coordinator = await api.sessionFor(coordinatorId);
    const approved = await api.graphql<{
      decideVolunteerApplication: { data: { status: string; memberships: Array<{ status: string }> } };
    }>(decide, { ...decision, decision: 'approve' }, { session: coordinator });
    expect(approved.data?.decideVolunteerApplication.data).toEqual({
      status: 'active',
      memberships: [{ status: 'active' }],
    });
    const twiceDecided = await api.graphql<{ decideVolunteerApplication: { __typename: string } }>(
      decide,
      { ...decision, decision: 'reject' },
      { session: coordinator },
    );
    expect(twiceDecided.data?.decideVolunteerApplication.__typename).toBe('ConflictError');

    await deliver();
    expect(smtp.to('maria.santos@example.jp').map((mail) => mail.subject)).toEqual([
      '[Tsunagu] We received your volunteer application',
      '[Tsunagu] A volunteer application with your e-mail address',
      '[Tsunagu] Your volunteer application is approved',
    ]);
  });

  test('two deliveries running at once send each message once', async () => {
    const addresses = Array.from({ length: 12 }, (_, index) => `crowd-${index}@example.jp`);
    await testDb.database.db.transaction(async (tx) => {
      for (const address of addresses) {
        await enqueueEmail(tx, {
          idempotencyKey: `concurrent:${address}`,
          to: address,
          locale: 'ja',
          recipientUserId: null,
          associationId: null,
          template: 'passwordReset',
          payload: { token: address },
        });
      }
    });
    const runs = await Promise.all([deliver(), deliver(), deliver()]);
    expect(runs.reduce((total, run) => total + run.sent, 0)).toBe(addresses.length);
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    expect(addresses.map((address) => smtp.to(address).length)).toEqual(addresses.map(() => 1));
    const rows = await testDb.database.db
      .select({ status: schema.outbox.status, attempts: schema.outbox.attempts })
      .from(schema.outbox)
      .where(inArray(schema.outbox.toAddress, addresses));
    expect(rows).toEqual(addresses.map(() => ({ status: 'sent', attempts: 1 })));
  });

  test('without SMTP_URL the catcher keeps the e-mails, and only admins read them, without the tokens of others', async () => {
    const catcher = await startMailCatcher({ db: testDb.database.db, logger });
    try {
      await enqueueEmail(testDb.database.db, {
        idempotencyKey: 'caught:1',
        to: 'caught@example.jp',
        locale: 'en',
        recipientUserId: null,
        associationId,
        template: 'passwordReset',
        payload: { token: 'caught-token' },
      });
      await deliverPending({
        db: testDb.database.db,
        transport: createMailTransport(catcher.url),
        clock,
        logger,
        from: 'Tsunagu <no-reply@tsunagu.localhost>',
        publicUrl: 'https://tsunagu.example.jp',
      });
    } finally {
      await catcher.stop();
    }
    const query = `query { caughtEmails(first: 5) { edges { node { toAddresses subject body } } } }`;
    const admin = await insertStaffMember(testDb.database.db, associationId, 'admin');
    const asAdmin = await api.graphql<{
      caughtEmails: { edges: Array<{ node: { toAddresses: string[]; subject: string; body: string } }> };
    }>(query, {}, { session: await api.sessionFor(admin.id) });
    const [caught] = asAdmin.data?.caughtEmails.edges ?? [];
    expect(caught?.node).toMatchObject({
      toAddresses: ['caught@example.jp'],
      subject: '[Tsunagu] Reset your password',
    });
    expect(caught?.node.body).toContain('https://tsunagu.example.jp/reset-password#token=(hidden)\n');
    expect(caught?.node.body).not.toContain('caught-token');

    const asCoordinator = await api.graphql(query, {}, { session: await api.sessionFor(coordinatorId) });
    expect(asCoordinator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('the app learns who is signed in and in what roles, and remembers the language each person chose', async () => {
    const admin = await insertStaffMember(testDb.database.db, associationId, 'admin');
    const session = await api.sessionFor(admin.id);
    const whoAmI = `query { me { displayName locale roles } }`;
    const before = await api.graphql<{ me: { displayName: string; locale: string; roles: string[] } }>(
      whoAmI,
      {},
      { session },
    );
    expect(before.data?.me).toMatchObject({ locale: 'ja', roles: ['coordinator', 'admin'] });

    const update = `mutation ($input: MyAccountInput!) {
      updateMyAccount(input: $input) {
        __typename
        ... on MutationUpdateMyAccountSuccess { data { displayName locale } }
        ... on ValidationError { problems { path message } }
      }
    }`;
    const changed = await api.graphql<{ updateMyAccount: { data: unknown } }>(
      update,
      { input: { locale: 'en' } },
      { session },
    );
    expect(changed.data?.updateMyAccount.data).toMatchObject({ locale: 'en' });
    const refused = await api.graphql<{ updateMyAccount: { problems: unknown[] } }>(
      update,
      { input: { displayName: '   ' } },
      { session },
    );
    expect(refused.data?.updateMyAccount.problems).toEqual([
      { path: ['input', 'displayName'], message: 'Enter the name the app greets you by.' },
    ]);
    const after = await api.graphql<{ me: { displayName: string; locale: string } }>(whoAmI, {}, { session });
    expect(after.data?.me).toMatchObject({ locale: 'en', displayName: before.data?.me.displayName });

    // Roles are the viewer's own business: a coordinator reading the admin's staff entry sees none.
    const staff = `query { associations { staff { user { displayName roles } } } }`;
    const asAdmin = await api.graphql<{ associations: Array<{ staff: Array<{ user: { roles: unknown } }> | null }> }>(
      staff,
      {},
      { session },
    );
    const rolesSeen = asAdmin.data?.associations.flatMap((association) =>
      (association.staff ?? []).map((member) => member.user.roles),
    );
    expect(rolesSeen).toContainEqual(['coordinator', 'admin']);
    expect(rolesSeen).toContainEqual(null);
  });
});
