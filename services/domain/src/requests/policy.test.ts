import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { type AssociationPolicy, defaultPolicy } from '../associations/policy';
import { tokyo } from '../clock';
import { checkRequestPolicy, closedReason, type RequestDraft } from './policy';

const at = (iso: string) => DateTime.fromISO(iso, { zone: tokyo });
// Monday 27 April 2026, 10:00 in Tokyo; Golden Week holidays follow (29 April, 3–6 May).
const now = at('2026-04-27T10:00');
const holidays = new Set(['2026-04-29', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06']);
const policy: AssociationPolicy = {
  ...defaultPolicy,
  leadTime: { minimumBusinessDays: 3, holidaysAreBusinessDays: false },
};

const draft = (change: Partial<RequestDraft> = {}): RequestDraft => ({
  modality: 'on_site',
  startsAt: at('2026-05-07T13:00'),
  endsAt: at('2026-05-07T15:00'),
  deadline: null,
  answerBy: null,
  urgent: false,
  specialty: null,
  emergency: false,
  infectionRisk: false,
  ...change,
});

const check = (change: Partial<RequestDraft> = {}, withPolicy = policy) =>
  checkRequestPolicy(draft(change), withPolicy, { now, holidays });

describe('lead time, counted in business days with national holidays', () => {
  test('three business days ahead is enough: Tue 28, Thu 30 April, Fri 1 May (29 April is Shōwa Day)', () => {
    expect(check({ startsAt: at('2026-05-01T13:00'), endsAt: at('2026-05-01T15:00') }).problems).toEqual([]);
  });

  test('two business days ahead is too soon, and the field is named', () => {
    expect(check({ startsAt: at('2026-04-30T13:00'), endsAt: at('2026-04-30T15:00') }).problems).toEqual([
      {
        path: ['input', 'startsAt'],
        message: {
          en: "Requests need 3 business days' notice; mark it urgent if it cannot wait.",
          ja: '依頼は3営業日前までにお願いします。間に合わない場合は「至急」にしてください。',
        },
      },
    ]);
  });

  test('an urgent request may come sooner, and coordinators see it flagged', () => {
    const outcome = check({ urgent: true, startsAt: at('2026-04-28T13:00'), endsAt: at('2026-04-28T15:00') });
    expect(outcome.problems).toEqual([]);
    expect(outcome.flags).toEqual(['urgent_short_notice']);
  });

  test('an association that counts holidays as business days accepts 30 April', () => {
    const lenient: AssociationPolicy = {
      ...policy,
      leadTime: { minimumBusinessDays: 3, holidaysAreBusinessDays: true },
    };
    expect(check({ startsAt: at('2026-04-30T13:00'), endsAt: at('2026-04-30T15:00') }, lenient).problems).toEqual([]);
  });

  test('a translation counts from its deadline', () => {
    const outcome = check({ modality: 'translation', startsAt: null, endsAt: null, deadline: at('2026-04-30T17:00') });
    expect(outcome.problems.map((problem) => problem.path)).toEqual([['input', 'deadline']]);
  });
});

describe('the window', () => {
  test.each([
    ['an end before the start', { endsAt: at('2026-05-07T12:00') }, 'endsAt', 'The end must be after the start.'],
    ['ten minutes', { endsAt: at('2026-05-07T13:10') }, 'endsAt', 'Ask for at least 15 minutes.'],
    [
      'thirteen hours',
      { endsAt: at('2026-05-08T02:00') },
      'endsAt',
      'Ask for at most 12 hours; split a longer day into two requests.',
    ],
    [
      'a start in the past',
      { startsAt: at('2026-04-27T09:00'), endsAt: at('2026-04-27T11:00') },
      'startsAt',
      'The start has passed.',
    ],
    ['no end', { endsAt: null }, 'endsAt', 'Give the end.'],
    [
      'an answer date after the day',
      { answerBy: '2026-05-08' },
      'answerBy',
      'The answer date must not be after the day itself.',
    ],
  ] as const)('%s is refused, naming the field', (_scenario, change, field, message) => {
    expect(check(change).problems).toContainEqual({
      path: ['input', field],
      message: expect.objectContaining({ en: message }),
    });
  });

  test('the answer date may be the day before', () => {
    expect(check({ answerBy: '2026-05-06' }).problems).toEqual([]);
  });
});

describe('every problem reads in Japanese and in English', () => {
  const translation = { modality: 'translation', startsAt: null, endsAt: null } as const;
  const drafts: Array<Partial<RequestDraft>> = [
    { ...translation, deadline: null },
    { ...translation, deadline: at('2026-04-27T09:00') },
    { startsAt: null, endsAt: null },
    { endsAt: at('2026-05-07T12:00') },
    { endsAt: at('2026-05-07T13:10') },
    { endsAt: at('2026-05-08T02:00') },
    { startsAt: at('2026-04-27T09:00'), endsAt: at('2026-04-27T11:00') },
    { startsAt: at('2026-04-30T13:00'), endsAt: at('2026-04-30T15:00') },
    { answerBy: '2026-04-26' },
    { answerBy: '2026-05-08' },
  ];
  const problems = drafts.flatMap((change) => check(change).problems);

  test('the drafts above meet each of the eleven problems the policy knows', () => {
    expect(new Set(problems.map((problem) => problem.message.en)).size).toBe(11);
  });

  test.each(problems.map((problem) => [problem.message.en, problem.message.ja]))('%s → %s', (en, ja) => {
    expect(en.trim()).not.toBe('');
    expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(ja).toMatch(/。$/);
  });
});

describe('sensitive subjects are routed as the association decides', () => {
  test('a medical request goes to certified medical interpreters only, by default', () => {
    expect(check({ specialty: 'medical' })).toMatchObject({
      flags: ['medical'],
      routing: 'certified_only',
      requiredCertificateKind: 'medical_interpreter',
    });
  });

  test('an emergency with infection risk is not offered to volunteers at all, by default', () => {
    expect(check({ emergency: true, infectionRisk: true })).toMatchObject({
      flags: ['emergency', 'infection_risk'],
      routing: 'not_offered',
      requiredCertificateKind: null,
    });
  });

  test('an association that treats legal requests as any other routes them normally, still flagged', () => {
    const open: AssociationPolicy = { ...policy, scope: { ...policy.scope, legal: 'normal' } };
    expect(check({ specialty: 'legal' }, open)).toMatchObject({
      flags: ['legal'],
      routing: 'normal',
      requiredCertificateKind: null,
    });
  });

  test('an education request is ordinary', () => {
    expect(check({ specialty: 'education' })).toMatchObject({ flags: [], routing: 'normal' });
  });
});

describe('whether a request can still be changed or cancelled', () => {
  const morning = { startsAt: new Date('2026-04-27T09:00:00+09:00'), deadline: null };
  const afternoon = { startsAt: new Date('2026-04-27T14:00:00+09:00'), deadline: null };
  const translationDueAt9 = { startsAt: null, deadline: new Date('2026-04-27T09:00:00+09:00') };
  test.each([
    { scenario: 'filed for this afternoon', request: { status: 'filed', ...afternoon }, closed: null },
    { scenario: 'confirmed for this afternoon', request: { status: 'filled', ...afternoon }, closed: null },
    { scenario: 'confirmed for this morning, under way', request: { status: 'filled', ...morning }, closed: 'begun' },
    {
      scenario: 'a translation whose deadline passed',
      request: { status: 'open', ...translationDueAt9 },
      closed: 'begun',
    },
    { scenario: 'done and reported', request: { status: 'completed', ...morning }, closed: 'begun' },
    { scenario: 'cancelled', request: { status: 'cancelled', ...afternoon }, closed: 'cancelled' },
    { scenario: 'not accepted', request: { status: 'rejected', ...afternoon }, closed: 'rejected' },
  ] as const)('$scenario: $closed', ({ request, closed }) => {
    expect(closedReason(request, now.toJSDate())).toBe(closed);
  });
});
