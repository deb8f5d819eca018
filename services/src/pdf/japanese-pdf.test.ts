import { extractText } from 'unpdf';
import { describe, expect, test } from 'vitest';
import { createJapanesePdf } from './japanese-pdf';

describe('a PDF in Japanese', () => {
  test('its Japanese words and amounts can be extracted, and the font is a subset', async () => {
    const pdf = await createJapanesePdf({ title: '請求書', author: '公益財団法人 つなぐ国際交流協会' });
    pdf.text('請求書', 300, { size: 18, bold: true, align: 'center' });
    pdf.down(30);
    pdf.text('大阪市役所 御中', 48);
    pdf.text('¥12,345', 547, { align: 'right' });
    pdf.down(16);
    pdf.rule(48, 547);
    pdf.text('通訳謝礼（ベトナム語）', 48);
    const bytes = await pdf.save();

    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // Two weights of a 5 MB font, subset to a few dozen glyphs.
    expect(bytes.byteLength).toBeLessThan(120_000);
    const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
    for (const words of ['請求書', '大阪市役所 御中', '¥12,345', '通訳謝礼（ベトナム語）'])
      expect(text).toContain(words);
  });

  test('text past the bottom margin goes on to a new page', async () => {
    const pdf = await createJapanesePdf({ title: '明細', author: 'つなぐ' });
    for (let line = 1; line <= 80; line++) {
      pdf.down(14);
      pdf.text(`明細 ${line} 行目`, 48);
    }
    const { totalPages, text } = await extractText(new Uint8Array(await pdf.save()), { mergePages: false });
    expect(totalPages).toBe(2);
    expect(text[1]).toContain('明細 80 行目');
  });
});
