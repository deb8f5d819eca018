import { describe, expect, test } from 'vitest';
import type { Localized } from '../errors';
import {
  assignmentStatusWords,
  dispatchStageWords,
  domainWords,
  expenseKindWords,
  modalityWords,
  offerStatusWords,
  requestStatusWords,
  translationJobStateWords,
} from '../glossary';
import { type DispatchEvent, type DispatchNotice, dispatchEvents } from './dispatch-templates';
import { type EmailMessage, type Locale, partnershipEvents, renderEmail } from './templates';

const publicUrl = 'https://tsunagu.example.jp/';
const association = { nameJa: '大阪国際交流センター', nameEn: 'Osaka International House' };

const notice = (event: DispatchEvent): DispatchNotice => ({
  event,
  requestId: '7f1c7a52-5b0e-4a7e-9d1e-1d6f6b7c2a10',
  assignmentId: '3b8e2f0a-9c1d-4e5f-8a7b-6c5d4e3f2a1b',
  request: {
    organizationName: '豊中市役所 市民課',
    language: { ja: 'ベトナム語', en: 'Vietnamese' },
    modality: 'on_site',
    startsAt: '2027-03-22T01:00:00.000Z',
    endsAt: '2027-03-22T03:00:00.000Z',
    deadline: null,
    municipality: { ja: '豊中市', en: 'Toyonaka' },
  },
  respondBy: '2027-03-03T01:00:00.000Z',
  hoursBefore: 24,
  reason: 'coordinator',
  noticeHours: 18,
  feePercent: 100,
  step: 'declineOffer',
  failure: 'bad data',
  version: 2,
  change: { deadline: '2027-03-30T08:00:00.000Z', documentsAdded: 1, documentsRemoved: 1 },
  changeAccepted: false,
});

const everyMessage: EmailMessage[] = [
  ...dispatchEvents.map((event) => ({ template: event, payload: notice(event) }) as EmailMessage),
  {
    template: 'invitation',
    payload: {
      role: 'coordinator',
      association,
      organizationName: null,
      token: 't',
      expiresAt: '2026-04-08T01:00:00Z',
    },
  },
  {
    template: 'invitation',
    payload: { role: 'volunteer', association, organizationName: null, token: 't', expiresAt: '2026-04-08T01:00:00Z' },
  },
  { template: 'passwordReset', payload: { token: 't' } },
  { template: 'volunteerApplicationReceived', payload: { association } },
  { template: 'volunteerApplicationExistingAccount', payload: { association } },
  { template: 'organizationApplicationExistingAccount', payload: { association } },
  { template: 'volunteerApplicationApproved', payload: { association } },
  {
    template: 'paperworkRenewalDue',
    payload: { item: 'registration', expiresOn: '2027-01-05', daysLeft: 30, association },
  },
  {
    template: 'paperworkRenewalDue',
    payload: { item: 'insurance', expiresOn: '2027-01-05', daysLeft: 7, association },
  },
  ...partnershipEvents.map((template): EmailMessage => ({ template, payload: { by: association, to: association } })),
];

const rendered = (message: EmailMessage, locale: Locale) => {
  const email = renderEmail(message, locale, publicUrl);
  return `${email.subject}\n${email.text}`;
};

/**
 * Spellings the screens once used beside the glossary's, or that a template might write again:
 * a mail that uses one names a thing or a state otherwise than the screens do.
 */
const otherSpellings: { glossary: Localized; others: string[] }[] = [
  { glossary: requestStatusWords.rejected, others: ['却下', '不承認'] },
  { glossary: requestStatusWords.open, others: ['打診中', '依頼中'] },
  { glossary: requestStatusWords.cancelled, others: ['取消', 'キャンセルされ'] },
  { glossary: expenseKindWords.honorarium, others: ['謝礼', '報酬'] },
  { glossary: domainWords.offer, others: ['依頼のお願い'] },
  { glossary: domainWords.requesterOrganization, others: ['依頼元'] },
  { glossary: modalityWords.on_site, others: ['現地通訳', 'on-site interpreting'] },
  { glossary: modalityWords.remote, others: ['遠隔通訳', 'remote interpreting'] },
];

describe('the e-mails speak the glossary’s words', () => {
  test.each(otherSpellings.flatMap(({ glossary, others }) => others.map((other) => [other, glossary.ja] as const)))(
    'no mail says “%s” for “%s”',
    (other) => {
      for (const message of everyMessage) {
        for (const locale of ['ja', 'en'] as Locale[]) {
          expect(rendered(message, locale), `${message.template} in ${locale}`).not.toContain(other);
        }
      }
    },
  );

  // Each mail that names a state names it with the glossary's word, in both languages.
  const statesNamed: [DispatchEvent, Localized[]][] = [
    ['screeningNeeded', [requestStatusWords.rejected, domainWords.request]],
    ['requestApproved', [requestStatusWords.open, requestStatusWords.filled]],
    ['requestRejected', [requestStatusWords.rejected]],
    ['offerMade', [domainWords.request]],
    ['offerWithdrawn', [offerStatusWords.withdrawn, domainWords.offer]],
    ['assignmentConfirmed', [requestStatusWords.filled]],
    ['requestConfirmed', [requestStatusWords.filled, domainWords.volunteer]],
    ['escalated', [dispatchStageWords.escalated]],
    ['answerDateReached', [requestStatusWords.filled]],
    ['assignmentReleased', [assignmentStatusWords.released]],
    ['coverNeeded', [assignmentStatusWords.released]],
    ['assignmentCancelled', [requestStatusWords.cancelled]],
    ['requestCancelled', [requestStatusWords.cancelled]],
    ['lateCancellation', [expenseKindWords.honorarium]],
    ['reportRequested', [domainWords.activityReport]],
    ['reportsOverdue', [domainWords.activityReport]],
    ['translationOverdue', [translationJobStateWords.overdue]],
    ['translationAccepted', [translationJobStateWords.accepted]],
  ];
  test.each(statesNamed)('%s names its states and things as the glossary does', (event, words) => {
    const message = { template: event, payload: notice(event) } as EmailMessage;
    for (const word of words) {
      expect(rendered(message, 'ja')).toContain(word.ja);
      expect(rendered(message, 'en').toLowerCase()).toContain(word.en.toLowerCase());
    }
  });

  test('the summary names the kind of request as the request form does', () => {
    const message = { template: 'offerMade', payload: notice('offerMade') } as EmailMessage;
    expect(rendered(message, 'ja')).toContain(`種別：${modalityWords.on_site.ja}`);
    expect(rendered(message, 'en')).toContain(`Kind: ${modalityWords.on_site.en}`);
  });
});
