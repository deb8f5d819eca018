/**
 * Names as the Zengin formats carry them: half-width katakana of JIS X 0201, upper-case Latin
 * letters, digits, the space and the few symbols the banks accept — ( ) - . / (全銀協 used characters).
 * Small kana are written large (キュウ → ｷﾕｳ), voiced marks as marks of their own (ガ → ｶﾞ), the long
 * vowel as a hyphen (ー → -) and the middle dot, which no bank accepts, as a period (・ → .).
 */
const fullKatakana = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
const halfKatakana = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ';

const halfOf = new Map<string, string>([
  ...[...fullKatakana].map((kana, index) => [kana, halfKatakana[index] as string] as const),
  // Small and old kana, written as the large ones the banks know.
  ...[...'ァィゥェォャュョッヮヵヶヰヱ'].map((kana, index) => [kana, 'ｱｲｳｴｵﾔﾕﾖﾂﾜｶｹｲｴ'[index] as string] as const),
  ['\u3099', 'ﾞ'],
  ['\u309a', 'ﾟ'],
  ['ー', '-'],
  ['・', '.'],
]);

const passesAsIs = /^[0-9A-Z ()\-./]$/;

export type ZenginKana = { ok: true; kana: string } | { ok: false; unsupported: string[] };

/** A name in katakana or hiragana (full- or half-width) as Zengin half-width kana, or what cannot be written. */
export function zenginKana(text: string): ZenginKana {
  // NFKC makes half-width kana full and full-width Latin, digits and spaces plain; NFD then splits
  // ガ into カ and its voiced mark, which become two half-width characters — one character at a
  // time, so that a letter no bank takes (ễ) is reported whole and not as an e the banks know.
  const normalized = text
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (hiragana) => String.fromCharCode(hiragana.charCodeAt(0) + 0x60))
    .toUpperCase()
    .trim()
    .replace(/ {2,}/g, ' ');
  const unsupported = new Set<string>();
  let kana = '';
  for (const character of normalized) {
    const parts = [...character.normalize('NFD')].map(
      (part) => halfOf.get(part) ?? (passesAsIs.test(part) ? part : undefined),
    );
    if (parts.every((part) => part !== undefined)) kana += parts.join('');
    else unsupported.add(character);
  }
  return unsupported.size > 0 ? { ok: false, unsupported: [...unsupported] } : { ok: true, kana };
}

/** Zengin kana as Shift_JIS bytes: ASCII as it is, half-width katakana U+FF61–U+FF9F as 0xA1–0xDF. */
export function shiftJisBytesOf(kana: string): number[] {
  return [...kana].map((character) => {
    const code = character.charCodeAt(0);
    if (code >= 0x20 && code <= 0x7e) return code;
    if (code >= 0xff61 && code <= 0xff9f) return code - 0xfec0;
    throw new RangeError(`not Zengin kana: ${character}`);
  });
}
