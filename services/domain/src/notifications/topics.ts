import { isAdmin, isCoordinator, isRequester, isVolunteer, type Viewer } from '../viewer';
import type { DispatchEvent } from './dispatch-templates';
import type { EmailTemplate } from './templates';

/**
 * The kinds of message a person may choose not to get by e-mail (their inbox gets them all the
 * same). An account's own messages (invitation, password reset, applications) are no topic: they
 * are always e-mailed.
 */
export const emailTopics = [
  'offers',
  'bookings',
  'requests',
  'screening',
  'escalations',
  'reports',
  'partnerships',
] as const;
export type EmailTopic = (typeof emailTopics)[number];

const topicOfEvent: Record<DispatchEvent, EmailTopic> = {
  offerMade: 'offers',
  offerWithdrawn: 'offers',
  assignmentConfirmed: 'bookings',
  reminder: 'bookings',
  reconfirmationRequested: 'bookings',
  assignmentReleased: 'bookings',
  requestChanged: 'bookings',
  assignmentCancelled: 'bookings',
  requestApproved: 'requests',
  requestRejected: 'requests',
  requestConfirmed: 'requests',
  stillLooking: 'requests',
  answerDateReached: 'requests',
  requestCancelled: 'requests',
  lateCancellation: 'requests',
  screeningNeeded: 'screening',
  escalated: 'escalations',
  coverNeeded: 'escalations',
  stepFailed: 'escalations',
  reportRequested: 'reports',
  reportReminder: 'reports',
  reportsOverdue: 'reports',
  translationDue: 'bookings',
  revisionAsked: 'bookings',
  translationAccepted: 'bookings',
  translationChangeProposed: 'bookings',
  translationChangeAnswered: 'requests',
  translationSubmitted: 'requests',
  translationLate: 'requests',
  translationOverdue: 'escalations',
};

/** The topic of a message, or null for one that is always e-mailed. */
export function topicOf(template: EmailTemplate): EmailTopic | null {
  if (template in topicOfEvent) return topicOfEvent[template as DispatchEvent];
  if (template.startsWith('partnership')) return 'partnerships';
  return null;
}

/** The topics a person can receive, by their roles: the settings screen offers these. */
export function topicsFor(viewer: Viewer): EmailTopic[] {
  const roles: Record<EmailTopic, boolean> = {
    offers: isVolunteer(viewer),
    bookings: isVolunteer(viewer),
    requests: isRequester(viewer) || isCoordinator(viewer),
    screening: isCoordinator(viewer),
    escalations: isCoordinator(viewer),
    reports: isVolunteer(viewer) || isRequester(viewer) || isCoordinator(viewer),
    partnerships: isAdmin(viewer),
  };
  return emailTopics.filter((topic) => roles[topic]);
}

/** What the navigation counts apart from the total: what waits for the reader to act. */
export type UnreadCounter = 'offersWaiting' | 'approvalsWaiting' | 'escalations';

const counterOfEvent: Partial<Record<DispatchEvent, UnreadCounter>> = {
  offerMade: 'offersWaiting',
  screeningNeeded: 'approvalsWaiting',
  escalated: 'escalations',
  coverNeeded: 'escalations',
  stepFailed: 'escalations',
  translationOverdue: 'escalations',
};

export function unreadCounterOf(template: string): UnreadCounter | null {
  return counterOfEvent[template as DispatchEvent] ?? null;
}
