import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { systemClock } from '@tsunagu/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { insertAvailableVolunteer, insertDispatchWorld } from '../support/dispatch-world';
import { type DispatchHarness, startDispatchHarness } from '../support/temporal';

interface OffersAnswer {
  myOffers: { nodes: Array<{ id: string; deadline: string; request: { language: { code: string } } }> };
}

/** Dispatch through the API as its users reach it: GraphQL → Temporal workflow → database. */
describe('dispatch over GraphQL', () => {
  let testDb: TestDatabase;
  let harness: DispatchHarness;
  let api: TestApi;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    harness = await startDispatchHarness(testDb.database);
    // The real clock: the workflow's timers run on Temporal's, which follows the machine's.
    api = await startTestApi(testDb.database, { clock: systemClock, dispatcher: harness.dispatcher });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await harness?.stop();
    await testDb?.dispose();
  });

  const eventually = async <T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };

  test('two volunteers accept the same single-interpreter request at the same moment: one wins, the other is told at once that it was taken', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db, { trusted: true });
    const lan = await insertAvailableVolunteer(db, world.associationId, 'Lan');
    const minh = await insertAvailableVolunteer(db, world.associationId, 'Minh');
    const [requester, coordinator, lanSession, minhSession] = await Promise.all([
      api.sessionFor(world.requesterUser.id),
      api.sessionFor(world.coordinator.userId ?? ''),
      api.sessionFor(lan.user.id),
      api.sessionFor(minh.user.id),
    ]);

    const day = api.clock.now().plus({ days: 14 }).toISODate();
    const filed = await api.graphql<{ fileRequest: { __typename: string; data?: { id: string } } }>(
      `mutation ($input: RequestInput!) {
        fileRequest(input: $input) { __typename ... on MutationFileRequestSuccess { data { id } } }
      }`,
      {
        input: {
          modality: 'on_site',
          languageCode: 'vi',
          purpose: 'consultation_desk',
          contactName: '窓口 一郎',
          localGovernmentCode: '272035',
          startsAt: `${day}T10:00:00+09:00`,
          endsAt: `${day}T12:00:00+09:00`,
        },
      },
      { session: requester },
    );
    expect(filed.errors).toBeUndefined();
    const requestId = filed.data?.fileRequest.data?.id ?? ''; // a global ID

    // Filing started the workflow; the trusted organization's request goes straight to offers.
    const offerOf = (session: string) =>
      eventually(async () => {
        const answer = await api.graphql<OffersAnswer>(
          '{ myOffers { nodes { id deadline request { language { code } } } } }',
          undefined,
          { session },
        );
        const [offer] = answer.data?.myOffers.nodes ?? [];
        if (!offer) throw new Error('no offer yet');
        return offer;
      });
    const [lanOffer, minhOffer] = await Promise.all([offerOf(lanSession), offerOf(minhSession)]);
    expect(lanOffer.request.language.code).toBe('vi');

    const accept = (offerId: string, session: string) =>
      api.graphql<{ acceptOffer: { data?: { outcome: string; assignment: { volunteerName: string } | null } } }>(
        `mutation ($id: ID!) {
          acceptOffer(offerId: $id) {
            ... on MutationAcceptOfferSuccess { data { outcome assignment { volunteerName } } }
          }
        }`,
        { id: offerId },
        { session },
      );
    const answers = await Promise.all([accept(lanOffer.id, lanSession), accept(minhOffer.id, minhSession)]);

    const outcomes = answers.map((answer) => answer.data?.acceptOffer.data?.outcome);
    expect(outcomes.sort()).toEqual(['taken', 'won']);
    const winner = answers.find((answer) => answer.data?.acceptOffer.data?.outcome === 'won');
    expect(['Lan', 'Minh']).toContain(winner?.data?.acceptOffer.data?.assignment?.volunteerName);

    // The coordinator's view reads the database mirror: confirmed, one offer accepted, one withdrawn.
    const view = await eventually(async () => {
      const answer = await api.graphql<{
        node: { dispatchStage: string; status: string; offers: Array<{ status: string }>; assignments: unknown[] };
      }>(
        `query ($id: ID!) {
          node(id: $id) { ... on Request { dispatchStage status offers { status } assignments { status } } }
        }`,
        { id: requestId },
        { session: coordinator },
      );
      expect(answer.data?.node.dispatchStage).toBe('confirmed');
      return answer.data?.node;
    });
    expect(view?.status).toBe('filled');
    expect(view?.offers.map((offer) => offer.status).sort()).toEqual(['accepted', 'withdrawn']);
    expect(view?.assignments).toHaveLength(1);

    // The booked volunteer now reads where to go and whom to ask (an audited read); the other has no booking.
    const bookings = (session: string) =>
      api.graphql<{ myAssignments: { nodes: Array<{ status: string; particulars: Record<string, unknown> | null }> } }>(
        '{ myAssignments { nodes { status particulars { venue contactName contactPhone } } } }',
        undefined,
        { session },
      );
    const [winnerSession, loserSession] =
      winner?.data?.acceptOffer.data?.assignment?.volunteerName === 'Lan'
        ? [lanSession, minhSession]
        : [minhSession, lanSession];
    expect((await bookings(winnerSession)).data?.myAssignments.nodes).toEqual([
      { status: 'confirmed', particulars: { venue: null, contactName: '窓口 一郎', contactPhone: null } },
    ]);
    expect((await bookings(loserSession)).data?.myAssignments.nodes).toEqual([]);
    await eventually(async () => {
      const rows = await db.select().from(schema.auditLog).where(eq(schema.auditLog.subjectType, 'request'));
      const reads = rows.filter((row) => row.action === 'read' && row.fields.includes('contactName'));
      expect(reads).toHaveLength(1);
    });
  }, 60_000);
});
