import { describe, expect, test } from 'vitest';
import { shiftJisBytesOf, zenginKana } from './kana';

describe('names in Zengin kana', () => {
  test.each([
    ['グエン・ヴァン・アン', 'ｸﾞｴﾝ.ｳﾞｱﾝ.ｱﾝ', 'the middle dot as a period, ヴ as ｳ and its mark, small ァ large'],
    ['ヤマダ タロウ', 'ﾔﾏﾀﾞ ﾀﾛｳ', '山田 太郎 as the bank writes it: the space between family and given name kept'],
    ['ヤマダ　タロウ', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'a full-width space becomes half-width'],
    ['やまだ たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'hiragana as katakana'],
    ['ｷﾕｳﾖ ｲﾁﾛｳ', 'ｷﾕｳﾖ ｲﾁﾛｳ', 'half-width already'],
    ['キュウヨ ショウゴ', 'ｷﾕｳﾖ ｼﾖｳｺﾞ', 'small ュ and ョ written large, as the banks want them'],
    ['キッタ', 'ｷﾂﾀ', 'a small ッ large'],
    ['パク・ソヨン', 'ﾊﾟｸ.ｿﾖﾝ', 'the semi-voiced mark'],
    ['マリア・ガルシア', 'ﾏﾘｱ.ｶﾞﾙｼｱ', 'a Spanish name'],
    ['スミス ジョーン', 'ｽﾐｽ ｼﾞﾖ-ﾝ', 'the long vowel as a hyphen'],
    ['ＳＭＩＴＨ　ＪＯＨＮ', 'SMITH JOHN', 'full-width Latin as plain capitals'],
    ['smith (john)', 'SMITH (JOHN)', 'small letters as capitals; brackets kept'],
    ['  ヤマダ   タロウ ', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'spaces around taken off, runs of spaces made one'],
    ['ヲ', 'ｦ', 'ヲ has its own half-width kana'],
  ])('%s → %s (%s)', (name, kana) => {
    expect(zenginKana(name)).toEqual({ ok: true, kana });
  });

  test.each([
    ['山田 太郎', ['山', '田', '太', '郎'], 'kanji: the holder’s name is asked in kana'],
    ['Nguyễn', ['Ễ'], 'a letter with diacritics'],
    ['ヤマダ＆タロウ', ['&'], 'a symbol no bank takes'],
  ])('%s cannot be written', (name, unsupported) => {
    expect(zenginKana(name)).toEqual({ ok: false, unsupported });
  });

  test('half-width katakana are the Shift_JIS bytes 0xA1–0xDF, ASCII itself', () => {
    expect(shiftJisBytesOf('ｸﾞｴﾝ.ｳﾞｱﾝ.ｱﾝ')).toEqual([
      0xb8, 0xde, 0xb4, 0xdd, 0x2e, 0xb3, 0xde, 0xb1, 0xdd, 0x2e, 0xb1, 0xdd,
    ]);
    expect(shiftJisBytesOf('ﾔﾏﾀﾞ ﾀﾛｳ')).toEqual([0xd4, 0xcf, 0xc0, 0xde, 0x20, 0xc0, 0xdb, 0xb3]);
    expect(() => shiftJisBytesOf('ア')).toThrow(RangeError);
  });
});
