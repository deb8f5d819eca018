import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { makeDocx, makePdf } from '../support/documents';
import { artifactPath, signIn, useBrowser } from '../support/web';

const browser = useBrowser();

/** A weekday three to four weeks ahead in Japan: well past any lead time. */
function dayAhead(): string {
  const japanNow = new Date(Date.now() + 9 * 60 * 60 * 1000);
  const day = new Date(Date.UTC(japanNow.getUTCFullYear(), japanNow.getUTCMonth(), japanNow.getUTCDate() + 21));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const words = {
  ja: {
    language: '日本語',
    newRequest: '新しい依頼',
    translation: '翻訳（文書）',
    submit: '依頼を送信する',
    detail: '依頼の詳細',
    docxCount: '464 文字（400字詰め原稿用紙 2 枚）',
    pdfCount: '5 語 · 1 ページ',
    volumeOf: '「防災ガイド.docx」の分量',
    correct: '訂正する',
    corrected: '分量を訂正しました。',
    correctedCount: '1,201 文字（400字詰め原稿用紙 4 枚）',
  },
  en: {
    language: 'English',
    newRequest: 'New request',
    translation: 'Translation (documents)',
    submit: 'Send the request',
    detail: 'Request',
    docxCount: '464 characters (2 manuscript pages of 400 characters)',
    pdfCount: '5 words · 1 page',
    volumeOf: 'Volume of “防災ガイド.docx”',
    correct: 'Correct',
    corrected: 'The volume is corrected.',
    correctedCount: '1,201 characters (4 manuscript pages of 400 characters)',
  },
} as const;

const counts = (page: Page) => page.locator('[data-testid=document-count]').allTextContents();

describe('a requester files a translation request with its documents', () => {
  test.each(['ja', 'en'] as const)(
    'uploads a .docx and a .pdf, sees their counts, files the request, corrects a count and sees the manuscript pages follow (%s)',
    async (locale) => {
      const w = words[locale];
      const page = await browser.openPage(locale === 'ja' ? 'ja-JP' : 'en-GB');
      await signIn(page, browser.app().url, 'requester');
      await page.getByRole('button', { name: w.language }).click();
      await page.getByRole('link', { name: w.newRequest }).click();
      await expect.poll(() => page.locator('#field-contactName').count()).toBe(1);
      await page.getByLabel(w.translation).check();

      const docx = await makeDocx(['外国人住民のための防災ガイド', '避難所の場所を確認しましょう。'.repeat(30)]);
      const input = page.locator('[data-testid=document-upload] input[type=file]');
      await input.setInputFiles({
        name: '防災ガイド.docx',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(docx),
      });
      await expect.poll(() => counts(page)).toEqual([w.docxCount]);
      // The volume comes from the count until the requester types one.
      expect(await page.locator('#field-volume').inputValue()).toBe('464');
      const pdf = makePdf(['Garbage is collected on Tuesdays.']);
      await input.setInputFiles({ name: 'notice.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
      await expect.poll(() => counts(page)).toEqual([w.docxCount, w.pdfCount]);

      await page.locator('#field-languageCode').selectOption('vi');
      await page.locator('#field-deadline').fill(dayAhead());
      await page.locator('#field-translationDirection').selectOption('from_japanese');
      await page.locator('#field-purpose').selectOption('administrative_translation');
      await page.locator('#field-contactName').fill(locale === 'ja' ? '山田 花子' : 'Hanako Yamada');
      await page.screenshot({ path: artifactPath(`translation-request-documents-${locale}.png`), fullPage: true });
      await page.getByRole('button', { name: w.submit }).click();

      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w.detail);
      await expect.poll(() => counts(page)).toEqual([w.docxCount, w.pdfCount]);
      expect(await page.getByRole('link', { name: locale === 'ja' ? 'ダウンロード' : 'Download' }).count()).toBe(2);

      // The requester corrects the .docx's count: the list shows it, and the manuscript pages the
      // fee is priced on follow it (1,201 characters are 4 pages of 400, not 3); kept on a reload.
      const correction = page.locator('[data-testid=count-correction]').filter({ hasText: '防災ガイド.docx' });
      await correction.getByLabel(w.volumeOf).fill('1201');
      await correction.getByRole('button', { name: w.correct }).click();
      await expect.poll(() => correction.getByRole('status').textContent()).toBe(w.corrected);
      await expect.poll(() => counts(page)).toEqual([w.correctedCount, w.pdfCount]);
      await page.reload();
      await expect.poll(() => counts(page)).toEqual([w.correctedCount, w.pdfCount]);
      expect(await correction.getByLabel(w.volumeOf).inputValue()).toBe('1201');
      // An empty field goes back to the counted volume.
      await correction.getByLabel(w.volumeOf).fill('');
      await correction.getByRole('button', { name: w.correct }).click();
      await expect.poll(() => counts(page)).toEqual([w.docxCount, w.pdfCount]);
    },
  );
});
