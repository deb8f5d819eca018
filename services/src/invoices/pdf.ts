import type { schema } from '@tsunagu/db';
import { expenseKindWords, monthRange, taxTreatmentWords } from '@tsunagu/domain';
import { createJapanesePdf, margin, pageSize } from '../pdf/japanese-pdf';

type Invoice = typeof schema.invoices.$inferSelect & {
  items: Array<typeof schema.invoiceItems.$inferSelect>;
  corrects: { number: string } | null;
  /** The association's address, printed under its name when it has entered one. */
  issuerAddress: string | null;
};

/** Whole yen as an invoice writes it: ¥12,345, or -¥3,500 for a reversal. */
export function yen(amount: number): string {
  return `${amount < 0 ? '-' : ''}¥${Math.abs(amount).toLocaleString('en-US')}`;
}

/** 2026年5月1日. */
export function japaneseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const right = pageSize.width - margin;

/**
 * A qualified invoice (適格請求書) in Japanese, with what the system requires of one: the issuer and
 * its registration number (and its address, which a Japanese invoice is expected to carry), the date, the items with their dates, the sums per tax rate and the tax
 * of each, and the recipient.
 */
export async function renderInvoicePdf(invoice: Invoice): Promise<Uint8Array> {
  const pdf = await createJapanesePdf({ title: `請求書 ${invoice.number}`, author: invoice.issuerNameJa });
  pdf.text('請求書', pageSize.width / 2, { size: 20, bold: true, align: 'center' });
  pdf.down(26);
  pdf.text('（適格請求書）', pageSize.width / 2, { size: 9, align: 'center', grey: true });
  pdf.down(28);

  pdf.text(`${invoice.recipientName} 御中`, margin, { size: 13, bold: true });
  pdf.text(`請求書番号 ${invoice.number}`, right, { align: 'right' });
  pdf.down(16);
  pdf.text(`発行日 ${japaneseDate(invoice.issueDate)}`, right, { align: 'right' });
  pdf.down(22);
  pdf.text(invoice.issuerNameJa, right, { align: 'right', bold: true });
  pdf.down(16);
  if (invoice.issuerAddress) {
    pdf.text(invoice.issuerAddress, right, { align: 'right' });
    pdf.down(16);
  }
  pdf.text(`登録番号 ${invoice.registrationNumber}`, right, { align: 'right' });
  pdf.down(24);

  if (invoice.corrects) {
    pdf.text(`この請求書は、請求書番号 ${invoice.corrects.number} を訂正するものです。`, margin);
    pdf.down(18);
  }
  const { from, to } = monthRange(invoice.month);
  pdf.text(
    invoice.grouping === 'dispatch'
      ? `対象 ${japaneseDate(invoice.items[0]?.activityDate ?? from)} の派遣`
      : `対象期間 ${japaneseDate(from)}〜${japaneseDate(to)}`,
    margin,
  );
  pdf.down(24);
  pdf.text('ご請求金額（税込）', margin, { size: 12 });
  pdf.text(yen(invoice.totalYen), right, { size: 16, bold: true, align: 'right' });
  pdf.down(28);

  const columns = { date: margin, item: margin + 110, treatment: margin + 330, amount: right };
  pdf.text('日付', columns.date, { bold: true });
  pdf.text('品目', columns.item, { bold: true });
  pdf.text('税区分', columns.treatment, { bold: true });
  pdf.text('金額（税込）', columns.amount, { bold: true, align: 'right' });
  pdf.down(16);
  pdf.rule(margin, right);
  pdf.down(6);
  for (const item of invoice.items) {
    pdf.needs(16);
    pdf.text(japaneseDate(item.activityDate), columns.date);
    pdf.text(`${expenseKindWords[item.kind].ja}${item.amountYen < 0 ? '（取消）' : ''}`, columns.item);
    pdf.text(taxTreatmentWords[item.taxTreatment].ja, columns.treatment);
    pdf.text(yen(item.amountYen), columns.amount, { align: 'right' });
    pdf.down(16);
  }
  pdf.rule(margin, right);
  pdf.down(10);

  for (const rate of invoice.byRate) {
    pdf.needs(16);
    const label = rate.ratePercent > 0 ? `${rate.ratePercent}%対象 合計` : '非課税 合計';
    pdf.text(label, columns.treatment - 120);
    pdf.text(
      rate.ratePercent > 0 ? `${yen(rate.amountYen)}（うち消費税 ${yen(rate.taxYen)}）` : yen(rate.amountYen),
      columns.amount,
      { align: 'right' },
    );
    pdf.down(16);
  }
  pdf.needs(18);
  pdf.text('合計', columns.treatment - 120, { bold: true });
  pdf.text(`${yen(invoice.totalYen)}（うち消費税 ${yen(invoice.taxYen)}）`, columns.amount, {
    bold: true,
    align: 'right',
  });
  pdf.down(28);
  pdf.text('消費税は税率ごとに合計して1円未満を切り捨てています。', margin, { size: 8, grey: true });
  return pdf.save();
}

/** The PDF's file name: 請求書_2026-00001.pdf. */
export function invoiceFileName(invoice: { number: string }): string {
  return `請求書_${invoice.number}.pdf`;
}
