import { type Db, schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import { createLogger, createServices, type Dispatcher, detachedDispatcher } from '@tsunagu/services';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi } from '../support/api';
import {
  insertAcceptedPartnership,
  insertAssociation,
  insertAvailableVolunteer,
  insertLanguages,
  insertOrganization,
  insertRequest,
  insertStaffMember,
  setLocale,
} from '../support/fixtures';

const clock = fixedClock('2027-01-15T09:00');
const tokyo = (dateTime: string) => new Date(`${dateTime}:00+09:00`);

/**
 * Offers and bookings that pass every check reach the dispatch workflow; here it answers that the
 * request takes no more, so that a test sees who got that far without running Temporal.
 */
const reachedDispatch: { volunteerId: string }[] = [];
const dispatcher: Dispatcher = {
  ...detachedDispatcher,
  offer: async (_requestId, { volunteerId }) => {
    reachedDispatch.push({ volunteerId });
    return { result: 'closed' };
  },
  assign: async (_requestId, { volunteerId }) => {
    reachedDispatch.push({ volunteerId });
    return { result: 'closed' };
  },
};

let testDb: TestDatabase;
let db: Db;
let api: TestApi;
beforeAll(async () => {
  testDb = await openTestDatabase();
  db = testDb.database.db;
  await insertLanguages(db);
  api = await startTestApi(testDb.database, { clock, dispatcher });
}, 60_000);
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

const step = (name: string) => /* GraphQL */ `
  mutation ($id: ID!, $partnerId: ID!) {
    ${name}(associationId: $id, partnerId: $partnerId) {
      __typename
      ... on ValidationError { problems { path message } }
      ... on NotFoundError { entity }
      ... on Error { message }
    }
  }
`;

const partnershipsQuery = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      ... on Association {
        partnerships { partner { nameEn } status }
        waiting: partneredBy(status: proposed) { association { nameEn } status proposedAt }
        partneredBy { association { nameEn } status acceptedAt }
      }
    }
  }
`;

const candidatesQuery = /* GraphQL */ `
  query ($id: ID!) { node(id: $id) { ... on Request { candidates(limit: 200) { volunteer { id } } } } }
`;

const offerMutation = /* GraphQL */ `
  mutation ($requestId: ID!, $volunteerId: ID!) {
    offerToVolunteer(requestId: $requestId, volunteerId: $volunteerId) {
      __typename
      ... on ValidationError { problems { path message } }
      ... on Error { message }
    }
  }
`;

const assignMutation = offerMutation.replace('offerToVolunteer', 'assignVolunteer');

/**
 * Two associations: Osaka (its coordinator, an English-reading admin, an organization and two
 * Vietnamese requests, one opened to partners) and Kobe (a Japanese-reading admin and a volunteer
 * who fits both requests).
 */
async function world() {
  const osaka = await insertAssociation(db, { nameJa: '大阪国際交流センター', nameEn: 'Osaka International House' });
  const kobe = await insertAssociation(db, {
    nameJa: '神戸国際コミュニティセンター',
    nameEn: 'Kobe International Community Center',
  });
  const organization = await insertOrganization(db, osaka.id);
  const osakaAdmin = await insertStaffMember(db, osaka.id, 'admin');
  await setLocale(db, osakaAdmin.id, 'en');
  const kobeAdmin = await insertStaffMember(db, kobe.id, 'admin');
  const osakaCoordinator = await insertStaffMember(db, osaka.id, 'coordinator');
  const { volunteer } = await insertAvailableVolunteer(db, kobe.id, { values: { phone: '090-1234-5678' } });
  const opened = await insertRequest(db, osaka.id, organization.id, {
    startsAt: tokyo('2027-03-23T10:00'),
    endsAt: tokyo('2027-03-23T12:00'),
    openToPartners: true,
  });
  const kept = await insertRequest(db, osaka.id, organization.id, {
    startsAt: tokyo('2027-03-24T10:00'),
    endsAt: tokyo('2027-03-24T12:00'),
  });
  const ids = {
    osaka: globalId('Association', osaka.id),
    kobe: globalId('Association', kobe.id),
    opened: globalId('Request', opened.id),
    kept: globalId('Request', kept.id),
    volunteer: globalId('Volunteer', volunteer.id),
  };
  const sessions = {
    osakaAdmin: await api.sessionFor(osakaAdmin.id),
    kobeAdmin: await api.sessionFor(kobeAdmin.id),
    coordinator: await api.sessionFor(osakaCoordinator.id),
  };

  /** What Osaka's coordinator can do with Kobe's volunteer. */
  async function reach() {
    const candidates = await api.graphql<{ node: { candidates: { volunteer: { id: string } }[] } }>(
      candidatesQuery,
      { id: ids.opened },
      { session: sessions.coordinator },
    );
    const profile = await api.graphql<{ node: { fullName: string } | null }>(
      `query ($id: ID!) { node(id: $id) { ... on Volunteer { fullName } } }`,
      { id: ids.volunteer },
      { session: sessions.coordinator },
    );
    const before = reachedDispatch.length;
    const offer = await api.graphql<{ offerToVolunteer: { __typename: string } }>(
      offerMutation,
      { requestId: ids.opened, volunteerId: ids.volunteer },
      { session: sessions.coordinator },
    );
    const board = await createServices({ db, clock, logger: createLogger({ level: 'silent' }) }).openBoard.openBoard({
      userId: null,
      locale: 'en',
      organizationId: null,
      volunteerId: volunteer.id,
      coordinatorOf: [],
      adminOf: [],
    });
    return {
      isCandidate: candidates.data?.node.candidates.some((candidate) => candidate.volunteer.id === ids.volunteer),
      readsName: profile.data?.node?.fullName === volunteer.fullName,
      offerReachesDispatch: reachedDispatch.length > before,
      offerAnswer: offer.data?.offerToVolunteer.__typename,
      seesOnBoard: board.some((entry) => entry.request.id === opened.id),
    };
  }

  const mails = (template: string) =>
    db
      .select({ to: schema.outbox.toAddress, locale: schema.outbox.locale })
      .from(schema.outbox)
      .where(
        and(
          eq(schema.outbox.template, template),
          inArray(schema.outbox.recipientUserId, [osakaAdmin.id, kobeAdmin.id, osakaCoordinator.id]),
        ),
      );

  return { osaka, kobe, osakaAdmin, kobeAdmin, coordinator: osakaCoordinator, volunteer, ids, sessions, reach, mails };
}

const unreached = {
  isCandidate: false,
  readsName: false,
  offerReachesDispatch: false,
  offerAnswer: 'ValidationError',
  seesOnBoard: false,
};

describe('a partnership needs both sides', () => {
  test('Osaka proposes and Kobe accepts: Osaka’s coordinators then reach Kobe’s volunteers for requests opened to partners', async () => {
    const { ids, sessions, reach, mails, osakaAdmin, kobeAdmin } = await world();
    expect(await reach()).toEqual(unreached);

    const proposed = await api.graphql<{ proposeAssociationPartnership: { __typename: string } }>(
      step('proposeAssociationPartnership'),
      { id: ids.osaka, partnerId: ids.kobe },
      { session: sessions.osakaAdmin },
    );
    expect(proposed.data?.proposeAssociationPartnership.__typename).toBe(
      'MutationProposeAssociationPartnershipSuccess',
    );
    // Kobe's admin is asked, in Japanese; a proposal alone opens nothing.
    expect(await mails('partnershipProposed')).toEqual([{ to: kobeAdmin.email, locale: 'ja' }]);
    const asKobe = await api.graphql<{ node: { waiting: unknown[] } }>(
      partnershipsQuery,
      { id: ids.kobe },
      { session: sessions.kobeAdmin },
    );
    expect(asKobe.data?.node.waiting).toEqual([
      {
        association: { nameEn: 'Osaka International House' },
        status: 'proposed',
        proposedAt: '2027-01-15T00:00:00.000Z',
      },
    ]);
    expect(await reach()).toEqual(unreached);

    // Osaka cannot accept for Kobe.
    const selfAccepted = await api.graphql<{ acceptAssociationPartnership: { __typename: string } }>(
      step('acceptAssociationPartnership'),
      { id: ids.kobe, partnerId: ids.osaka },
      { session: sessions.osakaAdmin },
    );
    expect(selfAccepted.data?.acceptAssociationPartnership.__typename).toBe('ForbiddenError');

    const accepted = await api.graphql<{ acceptAssociationPartnership: { __typename: string } }>(
      step('acceptAssociationPartnership'),
      { id: ids.kobe, partnerId: ids.osaka },
      { session: sessions.kobeAdmin },
    );
    expect(accepted.data?.acceptAssociationPartnership.__typename).toBe('MutationAcceptAssociationPartnershipSuccess');
    expect(await mails('partnershipAccepted')).toEqual([{ to: osakaAdmin.email, locale: 'en' }]);
    expect(await reach()).toEqual({
      isCandidate: true,
      readsName: true,
      offerReachesDispatch: true,
      offerAnswer: 'ConflictError',
      seesOnBoard: true,
    });
    const asOsaka = await api.graphql<{ node: unknown }>(
      partnershipsQuery,
      { id: ids.osaka },
      { session: sessions.osakaAdmin },
    );
    expect(asOsaka.data?.node).toEqual({
      partnerships: [{ partner: { nameEn: 'Kobe International Community Center' }, status: 'accepted' }],
      waiting: [],
      partneredBy: [],
    });

    // The request that is not opened to partners still takes Osaka's own members only.
    const keptOffer = await api.graphql<{ offerToVolunteer: { problems: unknown[] } }>(
      offerMutation,
      { requestId: ids.kept, volunteerId: ids.volunteer },
      { session: sessions.coordinator },
    );
    expect(keptOffer.data?.offerToVolunteer.problems).toEqual([
      {
        path: ['volunteerId'],
        message: 'このボランティアは、依頼の協会にも、依頼を公開した連携先の協会にも所属していません。',
      },
    ]);
  });

  test('Kobe declines: nothing opens, Osaka’s admins are told, and Osaka may ask again', async () => {
    const { ids, sessions, reach, mails, osakaAdmin } = await world();
    await api.graphql(
      step('proposeAssociationPartnership'),
      { id: ids.osaka, partnerId: ids.kobe },
      {
        session: sessions.osakaAdmin,
      },
    );
    const declined = await api.graphql<{ declineAssociationPartnership: { __typename: string } }>(
      step('declineAssociationPartnership'),
      { id: ids.kobe, partnerId: ids.osaka },
      { session: sessions.kobeAdmin },
    );
    expect(declined.data?.declineAssociationPartnership.__typename).toBe(
      'MutationDeclineAssociationPartnershipSuccess',
    );
    expect(await mails('partnershipDeclined')).toEqual([{ to: osakaAdmin.email, locale: 'en' }]);
    expect(await reach()).toEqual(unreached);

    // Nothing waits any more: accepting now finds no proposal.
    const late = await api.graphql<{ acceptAssociationPartnership: { __typename: string; entity: string } }>(
      step('acceptAssociationPartnership'),
      { id: ids.kobe, partnerId: ids.osaka },
      { session: sessions.kobeAdmin },
    );
    expect(late.data?.acceptAssociationPartnership).toMatchObject({
      __typename: 'NotFoundError',
      entity: 'Partnership proposal',
    });
    const again = await api.graphql<{ proposeAssociationPartnership: { __typename: string } }>(
      step('proposeAssociationPartnership'),
      { id: ids.osaka, partnerId: ids.kobe },
      { session: sessions.osakaAdmin },
    );
    expect(again.data?.proposeAssociationPartnership.__typename).toBe('MutationProposeAssociationPartnershipSuccess');
  });

  test.each([
    ['the partner (Kobe)', 'kobe'],
    ['the proposer (Osaka)', 'osaka'],
  ] as const)(
    '%s ends it: Osaka’s coordinators no longer reach Kobe’s volunteers, and the other side is told',
    async (_who, side) => {
      const { osaka, kobe, ids, sessions, reach, mails, osakaAdmin, kobeAdmin } = await world();
      await insertAcceptedPartnership(db, osaka.id, kobe.id);
      expect((await reach()).isCandidate).toBe(true);

      const ended = await api.graphql<{ endAssociationPartnership: { __typename: string } }>(
        step('endAssociationPartnership'),
        side === 'kobe' ? { id: ids.kobe, partnerId: ids.osaka } : { id: ids.osaka, partnerId: ids.kobe },
        { session: side === 'kobe' ? sessions.kobeAdmin : sessions.osakaAdmin },
      );
      expect(ended.data?.endAssociationPartnership.__typename).toBe('MutationEndAssociationPartnershipSuccess');
      expect(await mails('partnershipEnded')).toEqual([
        side === 'kobe' ? { to: osakaAdmin.email, locale: 'en' } : { to: kobeAdmin.email, locale: 'ja' },
      ]);
      expect(await reach()).toEqual(unreached);
    },
  );

  test('a partner’s coordinator reads only what matching and booking need of the other association’s volunteers', async () => {
    const { osaka, kobe, ids, sessions, volunteer } = await world();
    await insertAcceptedPartnership(db, osaka.id, kobe.id);
    const read = (field: string) =>
      api.graphql<{ node: Record<string, unknown> | null }>(
        `query ($id: ID!) { node(id: $id) { ... on Volunteer { ${field} } } }`,
        { id: ids.volunteer },
        { session: sessions.coordinator },
      );

    for (const field of ['fullName', 'languages { level }', 'regions { localGovernment { code } }', 'specialties']) {
      expect((await read(field)).errors, field).toBeUndefined();
    }
    for (const field of [
      'phone',
      'certificates { name }',
      'daysOff { startsOn }',
      'availability { weekday }',
      'monthlyCap',
      'confidentialityPledgeSignedAt',
      'memberships { status }',
    ]) {
      expect((await read(field)).errors?.[0]?.extensions?.code, field).toBe('FORBIDDEN');
    }

    // Kobe's own coordinator reads the whole profile.
    const kobeCoordinator = await api.sessionFor((await insertStaffMember(db, kobe.id, 'coordinator')).id);
    const own = await api.graphql<{ node: { phone: string } }>(
      `query ($id: ID!) { node(id: $id) { ... on Volunteer { phone } } }`,
      { id: ids.volunteer },
      { session: kobeCoordinator },
    );
    expect(own.data?.node.phone).toBe(volunteer.phone);

    // Once Osaka has no request opened to partners left, it no longer reaches Kobe's volunteers,
    // partnership or not.
    await db.update(schema.requests).set({ openToPartners: false }).where(eq(schema.requests.associationId, osaka.id));
    expect((await read('fullName')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('what admins may and may not do, each with a typed answer in their language', async () => {
    const { ids, sessions, osakaAdmin } = await world();
    const propose = (variables: Record<string, unknown>, session: string) =>
      api.graphql<{ proposeAssociationPartnership: { __typename: string; problems?: unknown[] } }>(
        step('proposeAssociationPartnership'),
        variables,
        { session },
      );

    expect((await propose({ id: ids.osaka, partnerId: ids.osaka }, sessions.osakaAdmin)).data).toMatchObject({
      proposeAssociationPartnership: {
        __typename: 'ValidationError',
        problems: [{ path: ['partnerId'], message: 'An association cannot be its own partner.' }],
      },
    });
    expect(
      (await propose({ id: ids.kobe, partnerId: ids.osaka }, sessions.osakaAdmin)).data?.proposeAssociationPartnership
        .__typename,
    ).toBe('ForbiddenError');
    // A coordinator is no admin: the field itself is refused.
    expect(
      (await propose({ id: ids.osaka, partnerId: ids.kobe }, sessions.coordinator)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    await propose({ id: ids.osaka, partnerId: ids.kobe }, sessions.osakaAdmin);
    const twice = await propose({ id: ids.osaka, partnerId: ids.kobe }, sessions.osakaAdmin);
    expect(twice.data?.proposeAssociationPartnership.problems).toEqual([
      { path: ['partnerId'], message: 'A proposal to this association is already waiting for its answer.' },
    ]);
    await api.graphql(
      step('acceptAssociationPartnership'),
      { id: ids.kobe, partnerId: ids.osaka },
      {
        session: sessions.kobeAdmin,
      },
    );
    await setLocale(db, osakaAdmin.id, 'ja');
    const thrice = await propose({ id: ids.osaka, partnerId: ids.kobe }, sessions.osakaAdmin);
    expect(thrice.data?.proposeAssociationPartnership.problems).toEqual([
      { path: ['partnerId'], message: 'この協会はすでに連携先です。' },
    ]);

    // Ending twice: the second finds nothing.
    await api.graphql(
      step('endAssociationPartnership'),
      { id: ids.kobe, partnerId: ids.osaka },
      {
        session: sessions.kobeAdmin,
      },
    );
    const gone = await api.graphql<{ endAssociationPartnership: { __typename: string } }>(
      step('endAssociationPartnership'),
      { id: ids.kobe, partnerId: ids.osaka },
      { session: sessions.kobeAdmin },
    );
    expect(gone.data?.endAssociationPartnership.__typename).toBe('NotFoundError');
  });
});

describe('coordinators offer and book only volunteers they may reach', () => {
  test('a volunteer of an association that is no partner is refused, in the coordinator’s language, and nothing reaches dispatch', async () => {
    const { ids, sessions, coordinator } = await world();
    const stranger = await insertAssociation(db, { slug: 'stranger' });
    const { volunteer: outsider } = await insertAvailableVolunteer(db, stranger.id);
    const before = reachedDispatch.length;

    for (const mutation of [offerMutation, assignMutation]) {
      for (const requestId of [ids.opened, ids.kept]) {
        const answer = await api.graphql<Record<string, { __typename: string; problems: unknown[] }>>(
          mutation,
          { requestId, volunteerId: globalId('Volunteer', outsider.id) },
          { session: sessions.coordinator },
        );
        expect(Object.values(answer.data ?? {})[0]).toMatchObject({
          __typename: 'ValidationError',
          problems: [
            {
              path: ['volunteerId'],
              message: 'このボランティアは、依頼の協会にも、依頼を公開した連携先の協会にも所属していません。',
            },
          ],
        });
      }
    }
    await setLocale(db, coordinator.id, 'en');
    const inEnglish = await api.graphql<{ assignVolunteer: { problems: unknown[] } }>(
      assignMutation,
      { requestId: ids.opened, volunteerId: globalId('Volunteer', outsider.id) },
      { session: sessions.coordinator },
    );
    expect(inEnglish.data?.assignVolunteer.problems).toEqual([
      {
        path: ['volunteerId'],
        message:
          'This volunteer is a member neither of the request’s association nor of a partner it opened the request to.',
      },
    ]);
    expect(reachedDispatch.length).toBe(before);
  });
});
