import { describe, expect, test } from 'vitest';
import {
  ConflictError,
  type ConflictReason,
  conflictReasons,
  ForbiddenError,
  forbiddenReasons,
  NotFoundError,
  PeriodClosedError,
  RateLimitedError,
} from './errors';

/** Japanese text may quote codes (N, FY) but holds no English words. */
const englishWord = /[a-z]{2,}/;

describe('a refusal reads in both languages', () => {
  test.each(forbiddenReasons)('forbidden: %s', (reason) => {
    const error = new ForbiddenError(reason);
    expect(error.reason).toBe(reason);
    expect(error.localized.ja).not.toMatch(englishWord);
    expect(error.message).toBe(error.localized.en);
  });

  test('a conflict with a state names it in the glossary’s words', () => {
    const error = new ConflictError('request_not_cancellable', 'completed');
    expect(error.localized).toEqual({
      ja: '「完了」の依頼は取り消せません。',
      en: 'A request that is done cannot be cancelled.',
    });
    expect(new ConflictError('volunteer_status_change', { from: 'suspended', to: 'applied' }).localized.ja).toBe(
      '「停止中」のボランティアを「申請中」にはできません。',
    );
  });

  test('every conflict has Japanese without English words', () => {
    const details: Partial<Record<ConflictReason, unknown>> = {
      booking_takes_no_report: 'cancelled',
      no_show_not_possible: 'released',
      request_not_changeable: 'rejected',
      request_not_cancellable: 'completed',
      request_takes_no_applications: 'filled',
      request_closed_for_change: 'begun',
      request_closed_for_cancel: 'cancelled',
      volunteer_status_change: { from: 'retired', to: 'active' },
      membership_status_change: { from: 'left', to: 'active' },
      application_decided: 'active',
      organization_decided: { from: 'approved', to: 'rejected' },
      line_not_editable: 'approved',
      line_not_reversible: 'draft',
      line_status_change: { from: 'paid', to: 'draft' },
      invoice_status_change: { from: 'superseded', to: 'paid' },
      category_not_eligible: { category: '7', bearer: 'prefecture', instead: 'G' },
      translation_job_ended: 'given_back',
      revision_rounds_used: 2,
      payout_run_status: 'confirmed',
      paperwork_lapsed: ['registration', 'insurance'],
    };
    const withDetail = ConflictError as unknown as new (reason: ConflictReason, detail: unknown) => ConflictError;
    for (const reason of conflictReasons) {
      const error = new withDetail(reason, details[reason]);
      expect(error.reason).toBe(reason);
      expect(error.localized.ja, reason).not.toMatch(englishWord);
      expect(error.localized.en, reason).not.toMatch(/undefined/);
    }
  });

  test('a volunteer held back for papers is told which, in both languages', () => {
    const one = new ConflictError('paperwork_lapsed', ['pledge']);
    expect(one.localized.ja).toBe(
      'このボランティアは書類（守秘の誓約）の期限切れか未提出のため、協会の方針により打診も割り当てもできません。書類を更新してからにしてください。',
    );
    expect(one.localized.en).toBe(
      'By the association’s policy this volunteer cannot be offered or given work: their confidentiality pledge has lapsed or is missing. Update the papers first.',
    );
    expect(new ConflictError('paperwork_lapsed', ['registration', 'insurance']).localized.en).toContain(
      'their volunteer registration and volunteer insurance have lapsed or are missing',
    );
  });

  test('not found names what is missing', () => {
    expect(new NotFoundError('Request', 'x').localized.ja).toBe(
      '依頼が見つかりません。削除されたか、見る権限がありません。',
    );
  });

  test('a closed period and too many attempts say so in Japanese', () => {
    expect(new PeriodClosedError(2026, 5).localized.ja).toMatch(/^2026年度の5月は締めてあるため/);
    expect(new PeriodClosedError(2026, null).localized.en).toBe('FY2026 is closed: its lines cannot change.');
    expect(new RateLimitedError(600).localized.ja).toBe('試行回数が多すぎます。10分後にもう一度お試しください。');
  });
});
