import { defineRelations } from 'drizzle-orm';
import * as schema from './schema';

export const relations = defineRelations(schema, (r) => ({
  users: {
    volunteer: r.one.volunteers({ from: r.users.id, to: r.volunteers.userId }),
    staffOf: r.one.organizationStaff({ from: r.users.id, to: r.organizationStaff.userId }),
    associationRoles: r.many.associationStaff({ from: r.users.id, to: r.associationStaff.userId }),
  },
  associations: {
    localGovernment: r.one.localGovernments({
      from: r.associations.localGovernmentCode,
      to: r.localGovernments.code,
      optional: false,
    }),
    organizations: r.many.organizations({ from: r.associations.id, to: r.organizations.associationId }),
    staff: r.many.associationStaff({ from: r.associations.id, to: r.associationStaff.associationId }),
    memberships: r.many.volunteerMemberships({ from: r.associations.id, to: r.volunteerMemberships.associationId }),
    /** Partnerships this association proposed: it may call on the partner's volunteers once accepted. */
    partnerships: r.many.associationPartners({ from: r.associations.id, to: r.associationPartners.associationId }),
    /** Partnerships others proposed to this association: they may call on its volunteers once accepted. */
    partneredBy: r.many.associationPartners({ from: r.associations.id, to: r.associationPartners.partnerId }),
  },
  associationPartners: {
    association: r.one.associations({
      from: r.associationPartners.associationId,
      to: r.associations.id,
      optional: false,
    }),
    partner: r.one.associations({ from: r.associationPartners.partnerId, to: r.associations.id, optional: false }),
  },
  associationStaff: {
    user: r.one.users({ from: r.associationStaff.userId, to: r.users.id, optional: false }),
    association: r.one.associations({
      from: r.associationStaff.associationId,
      to: r.associations.id,
      optional: false,
    }),
  },
  organizations: {
    association: r.one.associations({ from: r.organizations.associationId, to: r.associations.id, optional: false }),
    localGovernment: r.one.localGovernments({
      from: r.organizations.localGovernmentCode,
      to: r.localGovernments.code,
      optional: false,
    }),
    staff: r.many.organizationStaff({ from: r.organizations.id, to: r.organizationStaff.organizationId }),
    bans: r.many.bans({ from: r.organizations.id, to: r.bans.organizationId }),
  },
  organizationStaff: {
    user: r.one.users({ from: r.organizationStaff.userId, to: r.users.id, optional: false }),
    organization: r.one.organizations({
      from: r.organizationStaff.organizationId,
      to: r.organizations.id,
      optional: false,
    }),
  },
  volunteers: {
    user: r.one.users({ from: r.volunteers.userId, to: r.users.id, optional: false }),
    home: r.one.localGovernments({
      from: r.volunteers.homeLocalGovernmentCode,
      to: r.localGovernments.code,
      optional: false,
    }),
    languages: r.many.volunteerLanguages({ from: r.volunteers.id, to: r.volunteerLanguages.volunteerId }),
    regions: r.many.volunteerRegions({ from: r.volunteers.id, to: r.volunteerRegions.volunteerId }),
    certificates: r.many.certificates({ from: r.volunteers.id, to: r.certificates.volunteerId }),
    availability: r.many.availabilityWindows({ from: r.volunteers.id, to: r.availabilityWindows.volunteerId }),
    daysOff: r.many.daysOff({ from: r.volunteers.id, to: r.daysOff.volunteerId }),
    memberships: r.many.volunteerMemberships({ from: r.volunteers.id, to: r.volunteerMemberships.volunteerId }),
    bans: r.many.bans({ from: r.volunteers.id, to: r.bans.volunteerId }),
  },
  volunteerMemberships: {
    volunteer: r.one.volunteers({ from: r.volunteerMemberships.volunteerId, to: r.volunteers.id, optional: false }),
    association: r.one.associations({
      from: r.volunteerMemberships.associationId,
      to: r.associations.id,
      optional: false,
    }),
  },
  volunteerLanguages: {
    volunteer: r.one.volunteers({ from: r.volunteerLanguages.volunteerId, to: r.volunteers.id, optional: false }),
    language: r.one.languages({ from: r.volunteerLanguages.languageCode, to: r.languages.code, optional: false }),
  },
  volunteerRegions: {
    volunteer: r.one.volunteers({ from: r.volunteerRegions.volunteerId, to: r.volunteers.id, optional: false }),
    localGovernment: r.one.localGovernments({
      from: r.volunteerRegions.localGovernmentCode,
      to: r.localGovernments.code,
      optional: false,
    }),
  },
  certificates: {
    volunteer: r.one.volunteers({ from: r.certificates.volunteerId, to: r.volunteers.id, optional: false }),
  },
  availabilityWindows: {
    volunteer: r.one.volunteers({ from: r.availabilityWindows.volunteerId, to: r.volunteers.id, optional: false }),
  },
  daysOff: {
    volunteer: r.one.volunteers({ from: r.daysOff.volunteerId, to: r.volunteers.id, optional: false }),
  },
  bans: {
    organization: r.one.organizations({ from: r.bans.organizationId, to: r.organizations.id, optional: false }),
    volunteer: r.one.volunteers({ from: r.bans.volunteerId, to: r.volunteers.id, optional: false }),
  },
  localGovernments: {
    parent: r.one.localGovernments({ from: r.localGovernments.parentCode, to: r.localGovernments.code }),
  },
  invitations: {
    association: r.one.associations({ from: r.invitations.associationId, to: r.associations.id, optional: false }),
    organization: r.one.organizations({ from: r.invitations.organizationId, to: r.organizations.id }),
  },
  requests: {
    association: r.one.associations({ from: r.requests.associationId, to: r.associations.id, optional: false }),
    organization: r.one.organizations({ from: r.requests.organizationId, to: r.organizations.id, optional: false }),
    language: r.one.languages({ from: r.requests.languageCode, to: r.languages.code, optional: false }),
    pairLanguage: r.one.languages({ from: r.requests.pairLanguageCode, to: r.languages.code, optional: false }),
    localGovernment: r.one.localGovernments({ from: r.requests.localGovernmentCode, to: r.localGovernments.code }),
    series: r.one.requestSeries({ from: r.requests.seriesId, to: r.requestSeries.id }),
    assignments: r.many.assignments({ from: r.requests.id, to: r.assignments.requestId }),
    applications: r.many.applications({ from: r.requests.id, to: r.applications.requestId }),
    offers: r.many.offers({ from: r.requests.id, to: r.offers.requestId }),
    documents: r.many.documents({ from: r.requests.id, to: r.documents.requestId }),
    translationJobs: r.many.translationJobs({ from: r.requests.id, to: r.translationJobs.requestId }),
    /** The job of the translator booked now (or who did the work): every earlier one was given back or released. */
    translationJob: r.one.translationJobs({
      from: r.requests.id,
      to: r.translationJobs.requestId,
      where: { state: { notIn: ['given_back', 'released'] } },
    }),
  },
  translationJobs: {
    association: r.one.associations({
      from: r.translationJobs.associationId,
      to: r.associations.id,
      optional: false,
    }),
    request: r.one.requests({ from: r.translationJobs.requestId, to: r.requests.id, optional: false }),
    assignment: r.one.assignments({ from: r.translationJobs.assignmentId, to: r.assignments.id, optional: false }),
    submittedDocument: r.one.documents({ from: r.translationJobs.submittedDocumentId, to: r.documents.id }),
    reviews: r.many.translationReviews({ from: r.translationJobs.id, to: r.translationReviews.jobId }),
    changes: r.many.translationJobChanges({ from: r.translationJobs.id, to: r.translationJobChanges.jobId }),
  },
  translationReviews: {
    job: r.one.translationJobs({ from: r.translationReviews.jobId, to: r.translationJobs.id, optional: false }),
    document: r.one.documents({ from: r.translationReviews.documentId, to: r.documents.id }),
    reviewer: r.one.users({ from: r.translationReviews.reviewedBy, to: r.users.id }),
  },
  documents: {
    association: r.one.associations({ from: r.documents.associationId, to: r.associations.id, optional: false }),
    organization: r.one.organizations({ from: r.documents.organizationId, to: r.organizations.id, optional: false }),
    request: r.one.requests({ from: r.documents.requestId, to: r.requests.id }),
    uploader: r.one.users({ from: r.documents.uploadedBy, to: r.users.id }),
  },
  requestSeries: {
    organization: r.one.organizations({
      from: r.requestSeries.organizationId,
      to: r.organizations.id,
      optional: false,
    }),
    requests: r.many.requests({ from: r.requestSeries.id, to: r.requests.seriesId }),
  },
  assignments: {
    request: r.one.requests({ from: r.assignments.requestId, to: r.requests.id, optional: false }),
    volunteer: r.one.volunteers({ from: r.assignments.volunteerId, to: r.volunteers.id, optional: false }),
    reports: r.many.activityReports({ from: r.assignments.id, to: r.activityReports.assignmentId }),
    expenseLines: r.many.expenseLines({ from: r.assignments.id, to: r.expenseLines.assignmentId }),
    translationJob: r.one.translationJobs({ from: r.assignments.id, to: r.translationJobs.assignmentId }),
  },
  offers: {
    request: r.one.requests({ from: r.offers.requestId, to: r.requests.id, optional: false }),
    volunteer: r.one.volunteers({ from: r.offers.volunteerId, to: r.volunteers.id, optional: false }),
  },
  activityReports: {
    assignment: r.one.assignments({ from: r.activityReports.assignmentId, to: r.assignments.id, optional: false }),
  },
  applications: {
    request: r.one.requests({ from: r.applications.requestId, to: r.requests.id, optional: false }),
    volunteer: r.one.volunteers({ from: r.applications.volunteerId, to: r.volunteers.id, optional: false }),
  },
  sessions: {
    user: r.one.users({ from: r.sessions.userId, to: r.users.id, optional: false }),
  },
  inboxMessages: {
    user: r.one.users({ from: r.inboxMessages.userId, to: r.users.id, optional: false }),
  },
  auditLog: {
    actor: r.one.users({ from: r.auditLog.actorUserId, to: r.users.id }),
  },
  rateSchedules: {
    association: r.one.associations({ from: r.rateSchedules.associationId, to: r.associations.id, optional: false }),
  },
  assignmentRates: {
    assignment: r.one.assignments({ from: r.assignmentRates.assignmentId, to: r.assignments.id, optional: false }),
  },
  expenseLines: {
    association: r.one.associations({ from: r.expenseLines.associationId, to: r.associations.id, optional: false }),
    assignment: r.one.assignments({ from: r.expenseLines.assignmentId, to: r.assignments.id, optional: false }),
    bearingGovernment: r.one.localGovernments({
      from: r.expenseLines.bearingGovernmentCode,
      to: r.localGovernments.code,
      optional: false,
    }),
    language: r.one.languages({ from: r.expenseLines.languageCode, to: r.languages.code, optional: false }),
    reverses: r.one.expenseLines({ from: r.expenseLines.reversesLineId, to: r.expenseLines.id }),
    events: r.many.expenseLineEvents({ from: r.expenseLines.id, to: r.expenseLineEvents.lineId }),
    payoutRunLines: r.many.payoutRunLines({ from: r.expenseLines.id, to: r.payoutRunLines.lineId }),
  },
  payoutRuns: {
    association: r.one.associations({ from: r.payoutRuns.associationId, to: r.associations.id, optional: false }),
    payments: r.many.payoutPayments({ from: r.payoutRuns.id, to: r.payoutPayments.runId }),
    lines: r.many.payoutRunLines({ from: r.payoutRuns.id, to: r.payoutRunLines.runId }),
    reverses: r.one.payoutRuns({ from: r.payoutRuns.reversesRunId, to: r.payoutRuns.id }),
  },
  payoutPayments: {
    run: r.one.payoutRuns({ from: r.payoutPayments.runId, to: r.payoutRuns.id, optional: false }),
    volunteer: r.one.volunteers({ from: r.payoutPayments.volunteerId, to: r.volunteers.id, optional: false }),
  },
  payoutRunLines: {
    run: r.one.payoutRuns({ from: r.payoutRunLines.runId, to: r.payoutRuns.id, optional: false }),
    line: r.one.expenseLines({ from: r.payoutRunLines.lineId, to: r.expenseLines.id, optional: false }),
  },
  expenseLineEvents: {
    line: r.one.expenseLines({ from: r.expenseLineEvents.lineId, to: r.expenseLines.id, optional: false }),
    actor: r.one.users({ from: r.expenseLineEvents.actorUserId, to: r.users.id }),
  },
  fiscalPeriodClosures: {
    association: r.one.associations({
      from: r.fiscalPeriodClosures.associationId,
      to: r.associations.id,
      optional: false,
    }),
    closer: r.one.users({ from: r.fiscalPeriodClosures.closedBy, to: r.users.id }),
    reopener: r.one.users({ from: r.fiscalPeriodClosures.reopenedBy, to: r.users.id }),
  },
  invoices: {
    association: r.one.associations({ from: r.invoices.associationId, to: r.associations.id, optional: false }),
    organization: r.one.organizations({ from: r.invoices.organizationId, to: r.organizations.id, optional: false }),
    items: r.many.invoiceItems({ from: r.invoices.id, to: r.invoiceItems.invoiceId }),
    corrects: r.one.invoices({ from: r.invoices.correctsInvoiceId, to: r.invoices.id }),
    correctedBy: r.one.invoices({ from: r.invoices.id, to: r.invoices.correctsInvoiceId }),
  },
  invoiceItems: {
    invoice: r.one.invoices({ from: r.invoiceItems.invoiceId, to: r.invoices.id, optional: false }),
    line: r.one.expenseLines({ from: r.invoiceItems.lineId, to: r.expenseLines.id, optional: false }),
  },
}));
