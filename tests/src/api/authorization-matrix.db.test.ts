import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { schema as graphqlSchema } from '@tsunagu/graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi } from '../support/api';
import {
  insertAssociation,
  insertLanguages,
  insertOrganization,
  insertRequest,
  insertRequester,
  insertStaffMember,
  insertUser,
  insertVolunteerUser,
} from '../support/fixtures';

/** The roles in the association whose objects the rules name (Osaka, say). */
type OwnRole = 'anonymous' | 'requester' | 'volunteer' | 'coordinator' | 'admin';
/** The same roles in a second association (Kobe), with its own organization, acting on Osaka's objects. */
type OtherRole = 'otherRequester' | 'otherCoordinator' | 'otherAdmin';
type Role = OwnRole | OtherRole;
const ownRoles: OwnRole[] = ['anonymous', 'requester', 'volunteer', 'coordinator', 'admin'];
const counterpart: Record<OtherRole, OwnRole> = {
  otherRequester: 'requester',
  otherCoordinator: 'coordinator',
  otherAdmin: 'admin',
};
const roles: Role[] = [...ownRoles, ...(Object.keys(counterpart) as OtherRole[])];
const everyone = ownRoles;
const signedIn: OwnRole[] = ['requester', 'volunteer', 'coordinator', 'admin'];
const staff: OwnRole[] = ['coordinator', 'admin'];

interface World {
  associationId: string;
  organizationId: string;
  /** A second organization of the same association: its staff are not the requester's colleagues. */
  otherOrganizationId: string;
  volunteerId: string;
  userId: string;
}

interface Rule {
  /**
   * Who of the object's own association gets past authorization (the answer may still be a
   * validation or not-found error). The other association's roles are held to what the test
   * derives: see `expectation`.
   */
  allowed: OwnRole[];
  document: string;
  variables?: (world: World) => Record<string, unknown>;
}

/**
 * Every root field of the schema, with who may call it. A field added without a line here fails
 * the first test, so nobody ships a field whose access nobody decided.
 */
const matrix: Record<string, Rule> = {
  'Query.health': { allowed: everyone, document: '{ health { database } }' },
  'Query.me': { allowed: everyone, document: '{ me { displayName } }' },
  'Query.associations': { allowed: everyone, document: '{ associations { slug } }' },
  'Query.organizations': { allowed: ['requester', ...staff], document: '{ organizations { nodes { name } } }' },
  'Query.languages': { allowed: everyone, document: '{ languages { code } }' },
  'Query.prefectures': { allowed: everyone, document: '{ prefectures { code } }' },
  'Query.localGovernments': { allowed: everyone, document: '{ localGovernments(first: 1) { nodes { code } } }' },
  'Query.holidays': { allowed: everyone, document: '{ holidays(fiscalYear: 2026) { date } }' },
  'Query.requests': { allowed: ['requester', ...staff], document: '{ requests { nodes { id } } }' },
  'Query.openBoard': { allowed: ['volunteer'], document: '{ openBoard { reasons } }' },
  'Query.myVolunteerProfile': { allowed: signedIn, document: '{ myVolunteerProfile { id } }' },
  'Query.volunteers': { allowed: staff, document: '{ volunteers { nodes { id } } }' },
  'Query.volunteerDirectory': { allowed: staff, document: '{ volunteerDirectory { nodes { id } } }' },
  'Query.bans': { allowed: signedIn, document: '{ bans { nodes { reason } } }' },
  'Query.auditLog': { allowed: ['admin'], document: '{ auditLog { nodes { action subjectId } } }' },
  'Query.inbox': { allowed: signedIn, document: '{ inbox { nodes { subject } } }' },
  'Query.unreadCounts': { allowed: signedIn, document: '{ unreadCounts { total } }' },
  'Query.emailPreferences': { allowed: signedIn, document: '{ emailPreferences { topic email } }' },
  'Query.caughtEmails': { allowed: ['admin'], document: '{ caughtEmails { nodes { subject } } }' },
  'Query.node': {
    // An organization by its global ID: its own staff and its association's coordinators.
    allowed: ['requester', ...staff],
    document: 'query ($id: ID!) { node(id: $id) { ... on Organization { name } } }',
    variables: (world) => ({ id: globalId('Organization', world.organizationId) }),
  },
  'Query.nodes': {
    // A sibling organization: its association's coordinators, not the requester of another one.
    allowed: staff,
    document: 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Organization { name } } }',
    variables: (world) => ({ ids: [globalId('Organization', world.otherOrganizationId)] }),
  },
  'Mutation.applyForOrganization': {
    allowed: everyone,
    document: `mutation ($input: OrganizationApplicationInput!) {
      applyForOrganization(input: $input) { __typename ... on ForbiddenError { message } }
    }`,
    variables: (world) => ({
      input: {
        associationId: globalId('Association', world.associationId),
        name: 'x',
        type: 'municipality',
        localGovernmentCode: 'bad',
        contactName: 'x',
        contactEmail: 'x',
        staff: { displayName: 'x', email: 'x', password: 'x' },
      },
    }),
  },
  'Mutation.decideOrganization': {
    allowed: staff,
    document: `mutation ($id: ID!) {
      decideOrganization(organizationId: $id, decision: suspend) { __typename }
    }`,
    variables: (world) => ({ id: globalId('Organization', world.otherOrganizationId) }),
  },
  'Mutation.fileRequest': {
    allowed: ['requester'],
    document: `mutation {
      fileRequest(input: { modality: remote, languageCode: "xx", purpose: other, contactName: "x" }) { __typename }
    }`,
  },
  'Mutation.fileRequestSeries': {
    allowed: ['requester'],
    document: `mutation {
      fileRequestSeries(input: {
        modality: remote, languageCode: "xx", purpose: other, contactName: "x",
        series: { weekday: 9, startTime: "x", endTime: "x", firstDate: "2026-04-01", lastDate: "2026-04-01" }
      }) { __typename }
    }`,
  },
  'Mutation.correctDocumentCount': {
    allowed: ['requester', ...staff],
    document: 'mutation ($id: ID!) { correctDocumentCount(documentId: $id, count: 1) { __typename } }',
    variables: () => ({ id: globalId('Document', unknownId) }),
  },
  'Mutation.editRequest': {
    allowed: ['requester', ...staff],
    document: 'mutation ($id: ID!) { editRequest(requestId: $id, changes: { notes: "x" }) { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.editRequestSeriesFrom': {
    allowed: ['requester', ...staff],
    document: `mutation ($id: ID!) {
      editRequestSeriesFrom(seriesId: $id, fromDate: "2026-04-01", changes: { startTime: "10:00" }) { __typename }
    }`,
    variables: () => ({ id: globalId('RequestSeries', unknownId) }),
  },
  'Mutation.cancelRequest': {
    allowed: ['requester', ...staff],
    document:
      'mutation ($id: ID!) { cancelRequest(requestId: $id, cancellation: { reason: "no_longer_needed" }) { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Query.myOffers': { allowed: ['volunteer'], document: '{ myOffers { nodes { deadline } } }' },
  'Query.myAssignments': { allowed: ['volunteer'], document: '{ myAssignments { nodes { status } } }' },
  'Mutation.approveRequest': {
    allowed: staff,
    document: 'mutation ($id: ID!) { approveRequest(requestId: $id) { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.rejectRequest': {
    allowed: staff,
    document: 'mutation ($id: ID!) { rejectRequest(requestId: $id, reason: "x") { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.acceptOffer': {
    allowed: ['volunteer'],
    document: 'mutation ($id: ID!) { acceptOffer(offerId: $id) { __typename } }',
    variables: () => ({ id: globalId('Offer', unknownId) }),
  },
  'Mutation.declineOffer': {
    allowed: ['volunteer'],
    document: 'mutation ($id: ID!) { declineOffer(offerId: $id) { __typename } }',
    variables: () => ({ id: globalId('Offer', unknownId) }),
  },
  'Mutation.offerToVolunteer': {
    allowed: staff,
    document: 'mutation ($id: ID!, $v: ID!) { offerToVolunteer(requestId: $id, volunteerId: $v) { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId), v: globalId('Volunteer', unknownId) }),
  },
  'Mutation.assignVolunteer': {
    allowed: staff,
    document: 'mutation ($id: ID!, $v: ID!) { assignVolunteer(requestId: $id, volunteerId: $v) { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId), v: globalId('Volunteer', unknownId) }),
  },
  'Mutation.reconfirmAssignment': {
    allowed: ['volunteer'],
    document: 'mutation ($id: ID!) { reconfirmAssignment(assignmentId: $id) { __typename } }',
    variables: () => ({ id: globalId('Assignment', unknownId) }),
  },
  'Mutation.releaseAssignment': {
    allowed: ['volunteer', ...staff],
    document:
      'mutation ($id: ID!) { releaseAssignment(assignmentId: $id, cancellation: { reason: "illness" }) { __typename } }',
    variables: () => ({ id: globalId('Assignment', unknownId) }),
  },
  'Mutation.fileActivityReport': {
    allowed: ['requester', 'volunteer'],
    document: `mutation ($id: ID!) {
      fileActivityReport(assignmentId: $id, input: { requester: { tookPlace: true, satisfaction: 3 } }) { __typename }
    }`,
    variables: () => ({ id: globalId('Assignment', unknownId) }),
  },
  'Mutation.approveActivityReports': {
    allowed: staff,
    document: 'mutation ($id: ID!) { approveActivityReports(requestId: $id) { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.recordNoShow': {
    allowed: staff,
    document: 'mutation ($id: ID!) { recordNoShow(assignmentId: $id) { __typename } }',
    variables: () => ({ id: globalId('Assignment', unknownId) }),
  },
  'Query.overdueTranslationJobs': { allowed: staff, document: '{ overdueTranslationJobs { state } }' },
  'Mutation.submitTranslation': {
    allowed: ['volunteer'],
    document: `mutation ($id: ID!) {
      submitTranslation(requestId: $id, documentId: "RG9jdW1lbnQ6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw") { __typename }
    }`,
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.acceptTranslation': {
    allowed: ['requester', ...staff],
    document: 'mutation ($id: ID!) { acceptTranslation(requestId: $id) { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.askForRevision': {
    allowed: ['requester', ...staff],
    document: 'mutation ($id: ID!) { askForRevision(requestId: $id, comment: "x") { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.proposeTranslationChange': {
    allowed: ['requester', ...staff],
    document:
      'mutation ($id: ID!) { proposeTranslationChange(requestId: $id, deadline: "2027-03-01T08:00:00Z") { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.answerTranslationChange': {
    allowed: ['volunteer'],
    document: 'mutation ($id: ID!) { answerTranslationChange(requestId: $id, accept: true) { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.giveBackTranslation': {
    allowed: ['volunteer'],
    document:
      'mutation ($id: ID!) { giveBackTranslation(requestId: $id, cancellation: { reason: "illness" }) { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.applyToRequest': {
    allowed: ['volunteer'],
    document: 'mutation ($id: ID!) { applyToRequest(requestId: $id) { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.withdrawApplication': {
    allowed: ['volunteer'],
    document: 'mutation ($id: ID!) { withdrawApplication(requestId: $id) { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.renewMyCalendarFeed': {
    allowed: ['volunteer'],
    document: 'mutation { renewMyCalendarFeed { __typename } }',
  },
  'Mutation.signIn': {
    allowed: everyone,
    document: 'mutation { signIn(input: { email: "nobody@example.jp", password: "wrong password" }) { __typename } }',
  },
  'Mutation.signOut': { allowed: everyone, document: 'mutation { signOut { __typename } }' },
  'Mutation.markInboxMessageRead': {
    allowed: signedIn,
    document: 'mutation ($id: ID!) { markInboxMessageRead(messageId: $id) { __typename } }',
    variables: () => ({ id: globalId('InboxMessage', unknownId) }),
  },
  'Mutation.markAllInboxMessagesRead': {
    allowed: signedIn,
    document: 'mutation { markAllInboxMessagesRead { __typename } }',
  },
  'Mutation.setEmailPreference': {
    allowed: signedIn,
    document: 'mutation { setEmailPreference(topic: offers, email: true) { __typename } }',
  },
  'Mutation.signOutEverywhere': { allowed: signedIn, document: 'mutation { signOutEverywhere { __typename } }' },
  'Mutation.updateMyAccount': {
    allowed: signedIn,
    document: 'mutation { updateMyAccount(input: { locale: en }) { __typename } }',
  },
  'Mutation.requestPasswordReset': {
    allowed: everyone,
    document: 'mutation { requestPasswordReset(input: { email: "nobody@example.jp" }) { __typename } }',
  },
  'Mutation.resetPassword': {
    allowed: everyone,
    document: 'mutation { resetPassword(input: { token: "unknown", password: "a new long password" }) { __typename } }',
  },
  'Mutation.acceptInvitation': {
    allowed: everyone,
    document: `mutation { acceptInvitation(input: { token: "unknown", displayName: "x", password: "a new long password" }) { __typename } }`,
  },
  'Mutation.inviteUser': {
    allowed: staff,
    document: `mutation ($associationId: ID!) {
      inviteUser(input: { associationId: $associationId, email: "new@example.jp", role: volunteer }) { __typename ... on ForbiddenError { message } }
    }`,
    variables: (world) => ({ associationId: globalId('Association', world.associationId) }),
  },
  'Mutation.applyAsVolunteer': {
    allowed: everyone,
    document: `mutation ($associationId: ID!) {
      applyAsVolunteer(input: { associationId: $associationId, email: "x", fullName: "x", homeLocalGovernmentCode: "bad", password: "x" }) { __typename }
    }`,
    variables: (world) => ({ associationId: globalId('Association', world.associationId) }),
  },
  'Mutation.decideVolunteerApplication': {
    allowed: staff,
    document: `mutation ($volunteerId: ID!, $associationId: ID!) {
      decideVolunteerApplication(volunteerId: $volunteerId, associationId: $associationId, decision: reject) { __typename }
    }`,
    variables: (world) => ({
      volunteerId: globalId('Volunteer', unknownId),
      associationId: globalId('Association', world.associationId),
    }),
  },
  'Mutation.updateMyVolunteerProfile': {
    allowed: ['volunteer'],
    document: 'mutation { updateMyVolunteerProfile(input: { maxTravelKm: 20 }) { __typename } }',
  },
  'Mutation.signConfidentialityPledge': {
    allowed: ['volunteer'],
    document: 'mutation { signConfidentialityPledge { __typename } }',
  },
  'Mutation.declineOrganization': {
    allowed: ['volunteer'],
    document: 'mutation ($id: ID!) { declineOrganization(organizationId: $id) { __typename } }',
    variables: (world) => ({ id: globalId('Organization', world.organizationId) }),
  },
  'Mutation.declineVolunteer': {
    allowed: ['requester'],
    document: 'mutation ($id: ID!) { declineVolunteer(volunteerId: $id) { __typename } }',
    variables: () => ({ id: globalId('Volunteer', unknownId) }),
  },
  'Mutation.changeVolunteerStatus': {
    allowed: staff,
    document: 'mutation ($id: ID!) { changeVolunteerStatus(volunteerId: $id, status: suspended) { __typename } }',
    variables: () => ({ id: globalId('Volunteer', unknownId) }),
  },
  'Mutation.changeVolunteerMembershipStatus': {
    allowed: staff,
    document: `mutation ($id: ID!, $associationId: ID!) {
      changeVolunteerMembershipStatus(volunteerId: $id, associationId: $associationId, status: suspended) { __typename }
    }`,
    variables: (world) => ({
      id: globalId('Volunteer', unknownId),
      associationId: globalId('Association', world.associationId),
    }),
  },
  'Mutation.recordVolunteerPaperwork': {
    allowed: staff,
    document: `mutation ($id: ID!) {
      recordVolunteerPaperwork(volunteerId: $id, input: { registrationRenewedOn: "2026-04-01" }) { __typename }
    }`,
    variables: () => ({ id: globalId('Volunteer', unknownId) }),
  },
  'Mutation.recordBan': {
    allowed: staff,
    document: `mutation ($organizationId: ID!, $volunteerId: ID!) {
      recordBan(organizationId: $organizationId, volunteerId: $volunteerId, direction: organization_declines_volunteer) { __typename }
    }`,
    variables: (world) => ({
      organizationId: globalId('Organization', world.organizationId),
      volunteerId: globalId('Volunteer', unknownId),
    }),
  },
  'Mutation.liftBan': {
    // A ban the organization made is lifted by its staff or coordinators, not by the volunteer.
    allowed: ['requester', ...staff],
    document: `mutation ($organizationId: ID!, $volunteerId: ID!) {
      liftBan(organizationId: $organizationId, volunteerId: $volunteerId, direction: organization_declines_volunteer) { __typename }
    }`,
    variables: (world) => ({
      organizationId: globalId('Organization', world.organizationId),
      volunteerId: globalId('Volunteer', unknownId),
    }),
  },
  'Mutation.updateAssociationPolicy': {
    allowed: ['admin'],
    document: `mutation ($id: ID!) {
      updateAssociationPolicy(associationId: $id, input: { leadTime: { minimumBusinessDays: 3 } }) { __typename ... on ForbiddenError { message } }
    }`,
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Mutation.proposeAssociationPartnership': {
    allowed: ['admin'],
    document:
      'mutation ($id: ID!, $partner: ID!) { proposeAssociationPartnership(associationId: $id, partnerId: $partner) { __typename } }',
    variables: (world) => ({
      id: globalId('Association', world.associationId),
      partner: globalId('Association', unknownId),
    }),
  },
  'Mutation.acceptAssociationPartnership': {
    allowed: ['admin'],
    document:
      'mutation ($id: ID!, $partner: ID!) { acceptAssociationPartnership(associationId: $id, partnerId: $partner) { __typename } }',
    variables: (world) => ({
      id: globalId('Association', world.associationId),
      partner: globalId('Association', unknownId),
    }),
  },
  'Mutation.declineAssociationPartnership': {
    allowed: ['admin'],
    document:
      'mutation ($id: ID!, $partner: ID!) { declineAssociationPartnership(associationId: $id, partnerId: $partner) { __typename } }',
    variables: (world) => ({
      id: globalId('Association', world.associationId),
      partner: globalId('Association', unknownId),
    }),
  },
  'Mutation.endAssociationPartnership': {
    allowed: ['admin'],
    document:
      'mutation ($id: ID!, $partner: ID!) { endAssociationPartnership(associationId: $id, partnerId: $partner) { __typename } }',
    variables: (world) => ({
      id: globalId('Association', world.associationId),
      partner: globalId('Association', unknownId),
    }),
  },
  'Mutation.grantAssociationRole': {
    allowed: ['admin'],
    document:
      'mutation ($id: ID!, $user: ID!) { grantAssociationRole(associationId: $id, userId: $user, role: coordinator) { __typename } }',
    variables: (world) => ({ id: globalId('Association', world.associationId), user: globalId('User', world.userId) }),
  },
  'Mutation.revokeAssociationRole': {
    allowed: ['admin'],
    document:
      'mutation ($id: ID!, $user: ID!) { revokeAssociationRole(associationId: $id, userId: $user) { __typename } }',
    variables: (world) => ({ id: globalId('Association', world.associationId), user: globalId('User', unknownId) }),
  },
  'Query.rateSchedules': {
    allowed: staff,
    document: 'query ($id: ID!) { rateSchedules(associationId: $id) { effectiveFrom } }',
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Query.expenseLines': {
    allowed: staff,
    document: 'query ($id: ID!) { expenseLines(associationId: $id, fiscalYear: 2026) { nodes { amountYen } } }',
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Query.fiscalPeriodClosures': {
    allowed: staff,
    document: 'query ($id: ID!) { fiscalPeriodClosures(associationId: $id) { fiscalYear } }',
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Query.reconciliation': {
    allowed: staff,
    document: 'query ($id: ID!) { reconciliation(associationId: $id, fiscalYear: 2026) { __typename } }',
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Query.reconciliationExport': {
    allowed: staff,
    document: 'query ($id: ID!) { reconciliationExport(id: $id) { status } }',
    variables: () => ({ id: globalId('ReconciliationExport', unknownId) }),
  },
  'Query.organizationCosts': {
    // The organization's own staff, and the coordinators of its association.
    allowed: ['requester', ...staff],
    document: 'query ($id: ID!) { organizationCosts(organizationId: $id, fiscalYear: 2026) { totals { totalYen } } }',
    variables: (world) => ({ id: globalId('Organization', world.organizationId) }),
  },
  'Query.invoices': {
    // Coordinators their associations', requesting staff their organization's: lists filtered, never refused.
    allowed: ['requester', ...staff],
    document: '{ invoices { nodes { number } } }',
  },
  'Query.pendingInvoices': {
    allowed: staff,
    document: 'query ($id: ID!) { pendingInvoices(associationId: $id, month: "2026-05") { __typename } }',
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Mutation.issueInvoice': {
    allowed: staff,
    document: `mutation ($a: ID!, $o: ID!) {
      issueInvoice(input: { associationId: $a, organizationId: $o, month: "2026-05" }) { __typename }
    }`,
    variables: (world) => ({
      a: globalId('Association', world.associationId),
      o: globalId('Organization', world.organizationId),
    }),
  },
  'Mutation.markInvoicePaid': {
    allowed: staff,
    document: 'mutation ($id: ID!) { markInvoicePaid(invoiceId: $id) { __typename } }',
    variables: () => ({ id: globalId('Invoice', unknownId) }),
  },
  'Mutation.reissueInvoice': {
    allowed: staff,
    document: 'mutation ($id: ID!) { reissueInvoice(invoiceId: $id) { __typename } }',
    variables: () => ({ id: globalId('Invoice', unknownId) }),
  },
  'Query.myHonoraria': {
    allowed: ['volunteer'],
    document: '{ myHonoraria(fiscalYear: 2026) { paidYen lines { amountYen } } }',
  },
  'Query.supplyAndDemand': {
    allowed: staff,
    document: '{ supplyAndDemand(fiscalYear: 2026) { languageCode } }',
  },
  'Query.cancellationReport': {
    allowed: staff,
    document: `query ($associationId: ID!) {
      cancellationReport(associationId: $associationId, fiscalYear: 2026) { kind reason count }
    }`,
    variables: (world) => ({ associationId: globalId('Association', world.associationId) }),
  },
  'Mutation.createRateSchedule': {
    allowed: ['admin'],
    document: `mutation ($id: ID!) {
      createRateSchedule(associationId: $id, input: {
        effectiveFrom: "2026-04-01", illustrative: true, honorarium: { kind: unpaid }, transport: { kind: none },
        payers: { honorarium: { paidBy: requester }, translation: { paidBy: requester }, remote: { paidBy: requester },
                  transport: { paidBy: requester }, cancellation: { paidBy: requester } }
      }) { __typename }
    }`,
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Mutation.updateRateSchedule': {
    allowed: ['admin'],
    document: `mutation ($id: ID!) {
      updateRateSchedule(rateScheduleId: $id, input: {
        effectiveFrom: "2026-04-01", honorarium: { kind: unpaid }, transport: { kind: none },
        payers: { honorarium: { paidBy: requester }, translation: { paidBy: requester }, remote: { paidBy: requester },
                  transport: { paidBy: requester }, cancellation: { paidBy: requester } }
      }) { __typename }
    }`,
    variables: () => ({ id: globalId('RateSchedule', unknownId) }),
  },
  'Mutation.deleteRateSchedule': {
    allowed: ['admin'],
    document: 'mutation ($id: ID!) { deleteRateSchedule(rateScheduleId: $id) { __typename } }',
    variables: () => ({ id: globalId('RateSchedule', unknownId) }),
  },
  'Mutation.createExpenseLine': {
    allowed: staff,
    document: `mutation ($assignmentId: String!) {
      createExpenseLine(input: { assignmentId: $assignmentId, kind: equipment, amountYen: 100, payer: association }) { __typename }
    }`,
    variables: () => ({ assignmentId: unknownId }),
  },
  'Mutation.editExpenseLine': {
    allowed: staff,
    document: 'mutation ($id: ID!) { editExpenseLine(lineId: $id, changes: { amountYen: 100 }) { __typename } }',
    variables: () => ({ id: globalId('ExpenseLine', unknownId) }),
  },
  'Mutation.advanceExpenseLines': {
    allowed: staff,
    document: 'mutation ($id: ID!) { advanceExpenseLines(lineIds: [$id], to: approved) { __typename } }',
    variables: () => ({ id: globalId('ExpenseLine', unknownId) }),
  },
  'Mutation.overrideExpenseLineCategory': {
    allowed: staff,
    document:
      'mutation ($id: ID!) { overrideExpenseLineCategory(lineId: $id, category: "3", reason: "x") { __typename } }',
    variables: () => ({ id: globalId('ExpenseLine', unknownId) }),
  },
  'Mutation.overrideRequestCategory': {
    allowed: staff,
    document:
      'mutation ($id: ID!) { overrideRequestCategory(requestId: $id, category: "3", reason: "x") { __typename } }',
    variables: () => ({ id: globalId('Request', unknownId) }),
  },
  'Mutation.reverseExpenseLine': {
    allowed: staff,
    document: 'mutation ($id: ID!) { reverseExpenseLine(lineId: $id, reason: "x") { __typename } }',
    variables: () => ({ id: globalId('ExpenseLine', unknownId) }),
  },
  'Mutation.deleteExpenseLine': {
    allowed: staff,
    document: 'mutation ($id: ID!) { deleteExpenseLine(lineId: $id) { __typename } }',
    variables: () => ({ id: globalId('ExpenseLine', unknownId) }),
  },
  'Query.myPayoutDetails': {
    allowed: ['volunteer'],
    document: '{ myPayoutDetails { __typename ... on QueryMyPayoutDetailsSuccess { data { declinesPayment } } } }',
  },
  // The bank code data, for whoever enters an account: public data, but not for anonymous callers.
  'Query.banks': { allowed: signedIn, document: '{ banks(search: "みずほ") { code } }' },
  'Query.bankBranches': { allowed: signedIn, document: '{ bankBranches(bankCode: "0001", search: "001") { code } }' },
  // Payout fields are for payout staff, whom an admin names: a coordinator or admin without the role is refused.
  'Query.payoutRuns': {
    allowed: [],
    document: 'query ($id: ID!) { payoutRuns(associationId: $id) { __typename } }',
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Query.payoutRun': {
    allowed: staff,
    document: '{ payoutRun(id: "00000000-0000-4000-8000-000000000000") { __typename } }',
  },
  'Mutation.savePayoutDetails': {
    allowed: ['volunteer'],
    document: 'mutation { savePayoutDetails(declinesPayment: true) { __typename } }',
  },
  'Mutation.saveIndividualNumber': {
    allowed: ['volunteer'],
    document: 'mutation { saveIndividualNumber(individualNumber: "123456789018") { __typename } }',
  },
  'Mutation.setPayoutRole': {
    allowed: ['admin'],
    document:
      'mutation ($id: ID!, $user: ID!) { setPayoutRole(associationId: $id, userId: $user, granted: true) { __typename } }',
    variables: (world) => ({ id: globalId('Association', world.associationId), user: globalId('User', world.userId) }),
  },
  'Mutation.savePayoutSettings': {
    allowed: ['admin'],
    document: `mutation ($id: ID!) {
      savePayoutSettings(associationId: $id, requesterCode: "1", requesterKana: "ツナグ", bankCode: "0001", branchCode: "001",
        accountType: ordinary, accountNumber: "1234567", withholdOnTransport: true) { __typename }
    }`,
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Mutation.buildPayoutRun': {
    allowed: [],
    document:
      'mutation ($id: ID!) { buildPayoutRun(associationId: $id, year: 2026, month: 4, transferDate: "2026-05-08") { __typename } }',
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Mutation.approvePayoutRun': {
    allowed: staff,
    document: 'mutation { approvePayoutRun(id: "00000000-0000-4000-8000-000000000000") { __typename } }',
  },
  'Mutation.confirmPayoutRun': {
    allowed: staff,
    document: 'mutation { confirmPayoutRun(id: "00000000-0000-4000-8000-000000000000") { __typename } }',
  },
  'Mutation.correctPayoutRun': {
    allowed: staff,
    document:
      'mutation { correctPayoutRun(id: "00000000-0000-4000-8000-000000000000", reason: "重複") { __typename } }',
  },
  'Mutation.discardPayoutRun': {
    allowed: staff,
    document: 'mutation { discardPayoutRun(id: "00000000-0000-4000-8000-000000000000") { __typename } }',
  },
  // The tax side of payouts is payout staff's too; the association's side of its statements, its admins'.
  'Query.withholding': {
    allowed: [],
    document: 'query ($id: ID!) { withholding(associationId: $id, year: 2026) { __typename } }',
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Query.paymentStatements': {
    allowed: [],
    document: 'query ($id: ID!) { paymentStatements(associationId: $id, year: 2026) { __typename } }',
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Query.statementPayer': {
    allowed: ['admin'],
    document: 'query ($id: ID!) { statementPayer(associationId: $id) { __typename } }',
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Query.myPaymentYear': {
    allowed: ['volunteer'],
    document: '{ myPaymentYear(year: 2026) { __typename } }',
  },
  'Query.hasStatementAddress': { allowed: ['volunteer'], document: '{ hasStatementAddress { __typename } }' },
  'Mutation.saveStatementPayer': {
    allowed: ['admin'],
    document: `mutation ($id: ID!) {
      saveStatementPayer(associationId: $id, address: "大阪府豊中市玉井町1-1-1", phone: "06-6843-4343",
        corporateNumber: "7000012050002") { __typename }
    }`,
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Mutation.saveStatementAddress': {
    allowed: ['volunteer'],
    document: 'mutation { saveStatementAddress(address: "大阪府豊中市本町3-2-5") { __typename } }',
  },
  'Mutation.closeFiscalPeriod': {
    allowed: staff,
    document:
      'mutation ($id: ID!) { closeFiscalPeriod(associationId: $id, fiscalYear: 2020, month: 4) { __typename } }',
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Mutation.reopenFiscalPeriod': {
    allowed: ['admin'],
    document:
      'mutation ($id: ID!) { reopenFiscalPeriod(associationId: $id, fiscalYear: 2019, reason: "x") { __typename } }',
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Mutation.startReconciliationExport': {
    allowed: staff,
    document: `mutation ($id: ID!) {
      startReconciliationExport(input: { associationId: $id, fiscalYear: 2026, format: csv }) { __typename }
    }`,
    variables: (world) => ({ id: globalId('Association', world.associationId) }),
  },
  'Mutation.erasePerson': {
    allowed: ['admin'],
    document: 'mutation ($id: ID!) { erasePerson(personId: $id) { __typename } }',
    variables: () => ({ id: globalId('User', unknownId) }),
  },
};

/** An id nothing has: allowed callers get past authorization to a not-found answer. */
const unknownId = '00000000-0000-4000-8000-000000000000';

function rootFields(): string[] {
  const fields: string[] = [];
  for (const type of [graphqlSchema.getQueryType(), graphqlSchema.getMutationType()]) {
    if (type) fields.push(...Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
  }
  return fields.sort();
}

/** What of one association can be recognized in an answer: its rows' ids (raw and global) and names. */
interface Tenant {
  markers: string[];
}

/**
 * An association with an organization, a volunteer, a request, staff, an audit row and a caught
 * e-mail: things that a list leaking across associations would show.
 */
async function insertTenant(db: TestDatabase['database']['db'], name: string) {
  const association = await insertAssociation(db, { nameEn: `${name} International House` });
  const organization = await insertOrganization(db, association.id, { name: `${name} ward office` });
  const volunteerUser = await insertVolunteerUser(db, association.id);
  const volunteer = await db.query.volunteers.findFirst({ where: { userId: volunteerUser.id } });
  if (!volunteer) throw new Error('no volunteer');
  const request = await insertRequest(db, association.id, organization.id, { venue: `${name} hall` });
  const requester = await insertRequester(db, organization.id);
  const coordinator = await insertStaffMember(db, association.id, 'coordinator');
  const admin = await insertStaffMember(db, association.id, 'admin');
  await db.insert(schema.auditLog).values({
    actorUserId: coordinator.id,
    action: 'read',
    subjectType: 'volunteer',
    subjectId: volunteer.id,
    fields: ['fullName'],
    associationIds: [association.id],
  });
  await db.insert(schema.caughtEmails).values({
    associationId: association.id,
    fromAddress: 'no-reply@tsunagu.localhost',
    toAddresses: [`desk@${name.toLowerCase()}.example.jp`],
    subject: `To ${name} ward office`,
    body: `${name} ward office`,
  });
  const [document] = await db
    .insert(schema.documents)
    .values({
      associationId: association.id,
      organizationId: organization.id,
      requestId: request.id,
      role: 'source',
      fileName: `${name} notice.docx`,
      mediaType: 'text/plain',
      sizeBytes: 1,
      sha256: '0'.repeat(64),
    })
    .returning();
  if (!document) throw new Error('no document');
  const ids: Array<[string, string]> = [
    ['Document', document.id],
    ['Association', association.id],
    ['Organization', organization.id],
    ['Volunteer', volunteer.id],
    ['Request', request.id],
    ['User', volunteerUser.id],
    ['User', requester.id],
    ['User', coordinator.id],
    ['User', admin.id],
  ];
  const tenant: Tenant = {
    markers: [
      ...ids.flatMap(([type, id]) => [id, globalId(type, id)]),
      `${name} ward office`,
      `${name} hall`,
      `${name} notice.docx`,
    ],
  };
  return { association, organization, volunteer, volunteerUser, requester, coordinator, admin, tenant };
}

/** The other association's roles on an object of this one: never past authorization, nor shown it. */
function expectation(rule: Rule, field: string, role: Role, tenantBound: boolean): 'allowed' | 'denied' | 'unseen' {
  if (role in counterpart) {
    const own = counterpart[role as OtherRole];
    if (rule.allowed.includes('anonymous')) return 'allowed';
    if (!rule.allowed.includes(own)) return 'denied';
    if (!tenantBound) return 'allowed';
    // A query about another association's object may refuse, or answer as if it had nothing.
    return field.startsWith('Query.') ? 'unseen' : 'denied';
  }
  return rule.allowed.includes(role as OwnRole) ? 'allowed' : 'denied';
}

describe('the authorization matrix', () => {
  test('covers every root field of the schema, and only those', () => {
    expect(Object.keys(matrix).sort()).toEqual(rootFields());
  });

  let testDb: TestDatabase;
  let api: TestApi;
  let world: World;
  let osaka: Tenant;
  let kobe: Tenant;
  const users = new Map<Role, string | null>();
  beforeAll(async () => {
    testDb = await openTestDatabase();
    api = await startTestApi(testDb.database);
    const { db } = testDb.database;
    await insertLanguages(db);
    const own = await insertTenant(db, 'Toyonaka');
    const other = await insertTenant(db, 'Kobe');
    const otherOrganization = await insertOrganization(db, own.association.id, { name: 'Suita ward office' });
    const bystander = await insertUser(db);
    world = {
      associationId: own.association.id,
      organizationId: own.organization.id,
      otherOrganizationId: otherOrganization.id,
      volunteerId: own.volunteer.id,
      userId: bystander.id,
    };
    osaka = { markers: [...own.tenant.markers, otherOrganization.id, globalId('Organization', otherOrganization.id)] };
    kobe = other.tenant;
    users.set('anonymous', null);
    users.set('requester', own.requester.id);
    users.set('volunteer', own.volunteerUser.id);
    users.set('coordinator', own.coordinator.id);
    users.set('admin', own.admin.id);
    users.set('otherRequester', other.requester.id);
    users.set('otherCoordinator', other.coordinator.id);
    users.set('otherAdmin', other.admin.id);
  });
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  test.each(rootFields().flatMap((field) => roles.map((role) => [field, role] as const)))(
    '%s as %s',
    async (field, role) => {
      const rule = matrix[field];
      if (!rule) throw new Error(`${field} has no rule in the matrix`);
      const userId = users.get(role);
      const session = userId ? await api.sessionFor(userId) : undefined;
      const variables = rule.variables?.(world);
      const tenantBound = osaka.markers.some((marker) => JSON.stringify(variables ?? {}).includes(marker));
      const result = await api.graphql(rule.document, variables, { session });
      const codes = (result.errors ?? []).map((error) => error.extensions?.code);
      const typedForbidden = JSON.stringify(result.data ?? {}).includes('"__typename":"ForbiddenError"');
      const denied = codes.includes('UNAUTHENTICATED') || codes.includes('FORBIDDEN') || typedForbidden;
      const unexpected = (result.errors ?? []).filter(
        (error) => !['UNAUTHENTICATED', 'FORBIDDEN'].includes(String(error.extensions?.code)),
      );
      expect(unexpected, `${field} as ${role} gave an error that is not about authorization`).toEqual([]);
      // Nothing of one association reaches the other's people, whatever the field.
      const answer = JSON.stringify({ data: result.data, errors: result.errors });
      const foreign = role in counterpart ? osaka : kobe;
      expect(
        foreign.markers.filter((marker) => answer.includes(marker)),
        `${field} as ${role} shows another association's rows`,
      ).toEqual([]);
      const expected = expectation(rule, field, role, tenantBound);
      if (expected !== 'unseen') expect(denied ? 'denied' : 'allowed').toBe(expected);
    },
  );
});
