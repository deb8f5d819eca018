import { type Db, schema } from '@tsunagu/db';
import {
  type Clock,
  ConflictError,
  ForbiddenError,
  found,
  mayActOn,
  NotFoundError,
  ValidationError,
  type Viewer,
} from '@tsunagu/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Candidate, type CandidateStanding, rankCandidates, withStanding } from './candidates';

/** How many open requests the board looks at, soonest first, before checking each against the volunteer. */
const boardWindow = 100;
const maxNoteLength = 1_000;

/** An open request the volunteer could take, and why it fits them. */
export interface BoardEntry {
  request: BoardRequest;
  /** In the volunteer's language: level, free time, distance, as coordinators see it too. */
  reasons: string;
  applied: boolean;
}

type BoardRequest = Awaited<ReturnType<typeof boardRequests>>[number];

/** A volunteer who put themselves forward, and whether they pass the request's hard filters today. */
export interface Applicant {
  volunteerId: string;
  note: string | null;
  appliedAt: Date;
  /** Null when the volunteer no longer fits (booked meanwhile, a certificate expired, …). */
  candidate: CandidateStanding | null;
}

/**
 * The open requests, soonest first, of the volunteer's associations and of those that opened theirs
 * to the volunteer's, in a language the volunteer speaks, not yet booked by them. A cheap first cut:
 * each is then checked with every hard filter of matching.
 */
function boardRequests(db: Db, volunteerId: string, now: Date) {
  return db.query.requests.findMany({
    where: {
      status: 'open',
      routing: { ne: 'not_offered' },
      RAW: (requests) => sql`coalesce(${requests.startsAt}, ${requests.deadline}) > ${now.toISOString()}::timestamptz
        and exists (
          select 1 from volunteer_languages l
          where l.volunteer_id = ${volunteerId} and l.language_code = ${requests.languageCode})
        and exists (
          select 1 from volunteer_memberships m
          where m.volunteer_id = ${volunteerId} and m.status = 'active'
            and (m.association_id = ${requests.associationId}
              or (${requests.openToPartners} and exists (
                select 1 from association_partners p
                where p.association_id = ${requests.associationId} and p.partner_id = m.association_id
                  and p.status = 'accepted'))))
        and not exists (
          select 1 from assignments a
          where a.request_id = ${requests.id} and a.volunteer_id = ${volunteerId} and a.status = 'confirmed')`,
    },
    orderBy: (requests) => sql`coalesce(${requests.startsAt}, ${requests.deadline}), ${requests.id}`,
    limit: boardWindow,
    with: { language: true, pairLanguage: true, localGovernment: true },
    columns: {
      notes: false,
      contactName: false,
      contactPhone: false,
      address: false,
      remoteJoinInstructions: false,
    },
  });
}

/**
 * The open board: volunteers see the open requests that fit them and apply; coordinators see who
 * applied beside the ranked candidates. Fitting means passing every hard filter of matching, so a
 * volunteer is never shown work they would not be offered.
 */
export function createOpenBoardService({ db, clock }: { db: Db; clock: Clock }) {
  const fits = (viewer: Viewer, requestId: string, volunteerIds: string[]) =>
    rankCandidates(db, requestId, {
      now: clock.now(),
      locale: viewer.locale,
      limit: volunteerIds.length,
      volunteerIds,
    });

  const volunteerOf = (viewer: Viewer): string => {
    if (!viewer.volunteerId) throw new ForbiddenError('volunteers_only');
    return viewer.volunteerId;
  };

  return {
    async openBoard(viewer: Viewer): Promise<BoardEntry[]> {
      const volunteerId = volunteerOf(viewer);
      const requests = await boardRequests(db, volunteerId, clock.now().toJSDate());
      if (requests.length === 0) return [];
      const applied = new Set(
        (
          await db
            .select({ requestId: schema.applications.requestId })
            .from(schema.applications)
            .where(and(eq(schema.applications.volunteerId, volunteerId), isNull(schema.applications.withdrawnAt)))
        ).map((application) => application.requestId),
      );
      const entries: BoardEntry[] = [];
      // One indexed check per request, restricted to this volunteer: cheap, and the same filters as offers.
      for (const request of requests) {
        const [candidate] = await fits(viewer, request.id, [volunteerId]);
        if (candidate) entries.push({ request, reasons: candidate.reasons, applied: applied.has(request.id) });
      }
      return entries;
    },

    /** Applying twice is the same as once; applying again after withdrawing renews the application. */
    async apply(viewer: Viewer, requestId: string, note: string | null) {
      const volunteerId = volunteerOf(viewer);
      const trimmed = note?.trim() || null;
      if (trimmed && trimmed.length > maxNoteLength) {
        throw ValidationError.of(['note'], {
          en: `Keep the note under ${maxNoteLength} characters.`,
          ja: `コメントは${maxNoteLength}文字以内で入力してください。`,
        });
      }
      const request = found(
        await db.query.requests.findFirst({ where: { id: requestId }, columns: { status: true } }),
        'Request',
        requestId,
      );
      if (request.status !== 'open') throw new ConflictError('request_takes_no_applications', request.status);
      const [candidate] = await fits(viewer, requestId, [volunteerId]);
      if (!candidate) {
        throw new ConflictError('request_does_not_fit');
      }
      const now = clock.now();
      const [application] = await db
        .insert(schema.applications)
        .values({ requestId, volunteerId, note: trimmed, createdAt: now.toJSDate() })
        .onConflictDoUpdate({
          target: [schema.applications.requestId, schema.applications.volunteerId],
          set: {
            note: trimmed,
            withdrawnAt: null,
            // A renewed application goes to the back of the queue; a repeated one keeps its place.
            createdAt: sql`case when ${schema.applications.withdrawnAt} is null then ${schema.applications.createdAt} else ${now.toISO()}::timestamptz end`,
          },
        })
        .returning();
      if (!application) throw new Error('upsert returned no row');
      return application;
    },

    async withdraw(viewer: Viewer, requestId: string) {
      const volunteerId = volunteerOf(viewer);
      const [withdrawn] = await db
        .update(schema.applications)
        .set({ withdrawnAt: clock.now().toJSDate() })
        .where(
          and(
            eq(schema.applications.requestId, requestId),
            eq(schema.applications.volunteerId, volunteerId),
            isNull(schema.applications.withdrawnAt),
          ),
        )
        .returning();
      if (!withdrawn) throw new NotFoundError('Application', requestId);
      return withdrawn;
    },

    /** Coordinators of the request's association: the applicants, first come first, each checked against the filters. */
    async applicants(viewer: Viewer, requestId: string): Promise<Applicant[]> {
      const request = found(
        await db.query.requests.findFirst({ where: { id: requestId }, columns: { associationId: true } }),
        'Request',
        requestId,
      );
      if (!mayActOn(viewer, { associationId: request.associationId }, 'coordinator')) {
        throw new ForbiddenError('coordinators_only');
      }
      const applications = await db
        .select()
        .from(schema.applications)
        .where(and(eq(schema.applications.requestId, requestId), isNull(schema.applications.withdrawnAt)))
        .orderBy(schema.applications.createdAt, schema.applications.volunteerId);
      if (applications.length === 0) return [];
      const fitting = await fits(
        viewer,
        requestId,
        applications.map((application) => application.volunteerId),
      );
      const candidates = new Map(
        (await withStanding(db, requestId, fitting)).map((candidate) => [candidate.volunteerId, candidate]),
      );
      return applications.map((application) => ({
        volunteerId: application.volunteerId,
        note: application.note,
        appliedAt: application.createdAt,
        candidate: candidates.get(application.volunteerId) ?? null,
      }));
    },
  };
}
