import type { Applicant, BoardEntry } from '@tsunagu/services';
import { builder } from '../builder';
import { Language, LocalGovernment } from './reference';
import {
  Candidate,
  type CandidateVolunteer,
  candidateVolunteers,
  ModalityEnum,
  Request,
  RequestPurposeEnum,
  TranslationDirectionEnum,
  VolumeUnitEnum,
} from './request';
import { auditVolunteerRead, SpecialtyEnum, Volunteer } from './volunteer';

/**
 * What a volunteer reads of an open request before anyone is booked: the work, the day and the
 * place, but not the contact, the notes, the address or the join instructions, which only the
 * assigned interpreter needs.
 */
const OpenRequest = builder.objectRef<BoardEntry['request']>('OpenRequest').implement({
  description: 'An open request as a volunteer sees it on the open board.',
  fields: (t) => ({
    requestId: t.globalID({
      description: 'The Request to apply to.',
      resolve: (request) => ({ type: 'Request', id: request.id }),
    }),
    modality: t.expose('modality', { type: ModalityEnum }),
    language: t.field({ type: Language, resolve: (request) => request.language }),
    pairLanguage: t.field({ type: Language, resolve: (request) => request.pairLanguage }),
    translationDirection: t.expose('translationDirection', { type: TranslationDirectionEnum, nullable: true }),
    startsAt: t.expose('startsAt', { type: 'DateTime', nullable: true }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true }),
    deadline: t.expose('deadline', { type: 'DateTime', nullable: true }),
    volume: t.exposeInt('volume', { nullable: true }),
    volumeUnit: t.expose('volumeUnit', { type: VolumeUnitEnum, nullable: true }),
    localGovernment: t.field({
      type: LocalGovernment,
      nullable: true,
      resolve: (request) => request.localGovernment,
    }),
    venue: t.exposeString('venue', { nullable: true }),
    purpose: t.expose('purpose', { type: RequestPurposeEnum }),
    specialty: t.expose('specialty', { type: SpecialtyEnum, nullable: true }),
    interpretersNeeded: t.exposeInt('interpretersNeeded'),
    urgent: t.exposeBoolean('urgent'),
    answerBy: t.expose('answerBy', { type: 'Date', nullable: true }),
  }),
});

const OpenBoardEntry = builder.objectRef<BoardEntry>('OpenBoardEntry').implement({
  description: 'An open request that fits the volunteer reading the board.',
  fields: (t) => ({
    request: t.field({ type: OpenRequest, resolve: (entry) => entry.request }),
    reasons: t.exposeString('reasons', { description: 'Why it fits, in the volunteer’s language.' }),
    applied: t.exposeBoolean('applied', { description: 'Whether the volunteer has applied (and not withdrawn).' }),
  }),
});

builder.queryField('openBoard', (t) =>
  t.field({
    type: [OpenBoardEntry],
    description:
      'Volunteers: the open requests, soonest first, that pass every hard filter of matching for them — the work they could be offered.',
    authScopes: { volunteer: true },
    resolve: (_root, _args, { services, viewer }) => services.openBoard.openBoard(viewer),
  }),
);

const Application = builder
  .objectRef<{ requestId: string; note: string | null; createdAt: Date }>('Application')
  .implement({
    description: 'A volunteer’s application to an open request.',
    fields: (t) => ({
      request: t.globalID({ resolve: (application) => ({ type: 'Request', id: application.requestId }) }),
      note: t.exposeString('note', { nullable: true }),
      appliedAt: t.expose('createdAt', { type: 'DateTime' }),
    }),
  });

builder.mutationField('applyToRequest', (t) =>
  t.field({
    type: Application,
    description:
      'A volunteer puts themselves forward for an open request that fits them; coordinators see it beside the ranked candidates. Applying twice is the same as once.',
    authScopes: { volunteer: true },
    args: {
      requestId: t.arg.globalID({ required: true, for: Request }),
      note: t.arg.string({ required: false, description: 'For the coordinator; at most 1,000 characters.' }),
    },
    errors: {},
    resolve: (_root, { requestId, note }, { services, viewer }) =>
      services.openBoard.apply(viewer, requestId.id, note ?? null),
  }),
);

builder.mutationField('withdrawApplication', (t) =>
  t.field({
    type: Application,
    description: 'A volunteer takes back their application.',
    authScopes: { volunteer: true },
    args: { requestId: t.arg.globalID({ required: true, for: Request }) },
    errors: {},
    resolve: (_root, { requestId }, { services, viewer }) => services.openBoard.withdraw(viewer, requestId.id),
  }),
);

const ApplicantRef = builder
  .objectRef<Omit<Applicant, 'candidate'> & { volunteer: CandidateVolunteer; candidate: Applicant['candidate'] }>(
    'Applicant',
  )
  .implement({
    description: 'A volunteer who applied to a request, first come first.',
    fields: (t) => ({
      volunteer: t.field({ type: Volunteer, resolve: (applicant) => applicant.volunteer }),
      note: t.string({
        nullable: true,
        description: 'What the volunteer wrote to the coordinators: reading it is audited.',
        resolve: async (applicant, _args, context) => {
          await auditVolunteerRead(context, applicant.volunteer, 'applicationNote');
          return applicant.note;
        },
      }),
      appliedAt: t.expose('appliedAt', { type: 'DateTime' }),
      candidate: t.field({
        type: Candidate,
        nullable: true,
        description: 'Their rank and reasons if they pass every hard filter today; null if they no longer fit.',
        resolve: (applicant) => applicant.candidate && { ...applicant.candidate, volunteer: applicant.volunteer },
      }),
    }),
  });

builder.drizzleObjectFields(Request, (t) => ({
  applicants: t.field({
    type: [ApplicantRef],
    description: 'Who applied from the open board, beside the ranked candidates. For coordinators of its association.',
    authScopes: (request) => ({ coordinatorOf: request.associationId }),
    resolve: async (request, _args, context) => {
      const applicants = await context.services.openBoard.applicants(context.viewer, request.id);
      const profiles = new Map(
        (
          await candidateVolunteers(
            context,
            applicants.map((applicant) => applicant.volunteerId),
          )
        ).map((volunteer) => [volunteer.id, volunteer]),
      );
      return applicants.flatMap((applicant) => {
        const volunteer = profiles.get(applicant.volunteerId);
        return volunteer ? [{ ...applicant, volunteer }] : [];
      });
    },
  }),
}));
