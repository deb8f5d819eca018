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

/** A bank or a branch as a person picks it: its code, its name and its kana name. */
export interface BankChoice {
  code: string;
  name: string;
  kana: string;
}

const choicesShown = 30;

/** What a person types, in the bank code data's spelling: full-width katakana, no spaces. */
function searchable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (hiragana) => String.fromCharCode(hiragana.charCodeAt(0) + 0x60))
    .replace(/\s/g, '')
    .toLowerCase();
}

/** The entries whose code starts with the text, or whose name, kana or romaji holds it; codes first, at most 30. */
function matching(
  entries: Iterable<{ code: string; name: string; kana: string; roma: string }>,
  text: string,
): BankChoice[] {
  const wanted = searchable(text);
  const byCode: BankChoice[] = [];
  const byName: BankChoice[] = [];
  for (const { code, name, kana, roma } of entries) {
    if (wanted === '' || code.startsWith(wanted)) byCode.push({ code, name, kana });
    else if ([name, kana, roma].some((spelling) => searchable(spelling).includes(wanted)))
      byName.push({ code, name, kana });
    if (byCode.length >= choicesShown) break;
  }
  return [...byCode, ...byName].slice(0, choicesShown);
}

/** Banks a volunteer may mean by what they typed (a name, kana or the code). */
export async function findBanks(text: string): Promise<BankChoice[]> {
  const { default: zenginCode } = await import('zengin-code');
  return matching(Object.values(zenginCode), text);
}

/** A bank's branches a volunteer may mean by what they typed; none for a bank the data does not know. */
export async function findBranches(bankCode: string, text: string): Promise<BankChoice[]> {
  const { default: zenginCode } = await import('zengin-code');
  const bank = zenginCode[bankCode];
  return bank ? matching(Object.values(bank.branches), text) : [];
}
