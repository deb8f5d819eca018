import { type Localized, ValidationError } from '@tsunagu/domain';

/** A bank's or branch's code and kana name from the bank code data (zengin-code). */
export interface BankBranch {
  bankCode: string;
  bankKana: string;
  branchCode: string;
  branchKana: string;
}

const noBank: Localized = { en: 'No bank has this code.', ja: 'この金融機関コードの金融機関はありません。' };
const noBranch: Localized = {
  en: 'The bank has no branch with this code.',
  ja: 'この金融機関には、この支店コードの支店はありません。',
};

/**
 * The bank and branch of the codes, as the bank code data names them; a ValidationError on the field
 * that names neither. The data (5 MB) is loaded on the first call, not by every process that starts.
 */
export async function bankBranchOf(
  bankCode: string,
  branchCode: string,
  path: string[] = ['input'],
): Promise<BankBranch> {
  const { default: zenginCode } = await import('zengin-code');
  const bank = zenginCode[bankCode];
  if (!bank) throw ValidationError.of([...path, 'bankCode'], noBank);
  const branch = bank.branches[branchCode];
  if (!branch) throw ValidationError.of([...path, 'branchCode'], noBranch);
  return { bankCode, bankKana: bank.kana, branchCode, branchKana: branch.kana };
}
