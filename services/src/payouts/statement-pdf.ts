import { type PaymentStatement, reiwaYear } from '@tsunagu/domain';
import { yen } from '../invoices/pdf';
import { createJapanesePdf, margin, pageSize } from '../pdf/japanese-pdf';

const right = pageSize.width - margin;
const label = margin;
const value = margin + 150;

/**
 * The year's 報酬、料金、契約金及び賞金の支払調書, one per page, with the boxes of the NTA's form in
 * its order: 支払を受ける者, 区分, 細目, 支払金額, 源泉徴収税額, 摘要, 支払者. The copy for the tax
 * office (with the individual number); the volunteer reads their own year on their honoraria page.
 */
export async function renderStatementsPdf(statements: readonly PaymentStatement[]): Promise<Uint8Array> {
  const first = statements[0];
  const pdf = await createJapanesePdf({
    title: first ? `令和${Number(reiwaYear(first.year))}年分 報酬、料金、契約金及び賞金の支払調書` : '支払調書',
    author: first?.payer.name ?? 'Tsunagu',
  });
  if (!first) {
    pdf.text('この年に支払調書を提出する相手はいません（5万円を超える支払いはありません）。', margin);
    return pdf.save();
  }
  statements.forEach((statement, index) => {
    if (index > 0) pdf.needs(pageSize.height);
    const row = (name: string, text: string, options: { bold?: boolean } = {}) => {
      pdf.text(name, label, { grey: true });
      pdf.text(text, value, options);
      pdf.down(20);
    };
    pdf.text(`令和${Number(reiwaYear(statement.year))}年分　報酬、料金、契約金及び賞金の支払調書`, pageSize.width / 2, {
      size: 14,
      bold: true,
      align: 'center',
    });
    pdf.down(22);
    pdf.text(`（${statement.year}年1月1日〜12月31日の支払い）`, pageSize.width / 2, {
      size: 9,
      grey: true,
      align: 'center',
    });
    pdf.down(30);
    pdf.text('支払を受ける者', label, { bold: true });
    pdf.down(18);
    row('住所（居所）', statement.payee.address ?? '（未登録）');
    row('氏名', statement.payee.name, { bold: true });
    row('個人番号', statement.payee.individualNumber ?? '（未登録）');
    pdf.rule(margin, right);
    pdf.down(12);
    row('区分', statement.kind);
    row('細目', '');
    row('支払金額', yen(statement.paidYen), { bold: true });
    row('源泉徴収税額', yen(statement.withheldYen), { bold: true });
    row('摘要', '');
    pdf.rule(margin, right);
    pdf.down(12);
    pdf.text('支払者', label, { bold: true });
    pdf.down(18);
    row('住所（所在地）', statement.payer.address ?? '（未登録）');
    row('氏名又は名称', statement.payer.name);
    row('電話', statement.payer.phone ?? '');
    row('法人番号', statement.payer.corporateNumber ?? '（未登録）');
  });
  return pdf.save();
}
