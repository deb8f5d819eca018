-- Lines priced before the basis was kept in both languages hold it in English as their note
-- ('¥5,000 for the first 120 min + …', 'actual fare ¥640'). The rates wrote it from a few fixed
-- templates, so each is read back into the Japanese the rates now write, the English kept as it was,
-- and the note cleared as nobody wrote it. A note no template explains keeps its English for English
-- readers and reads 'recorded in English only' for Japanese ones. A person's note (any Japanese in
-- it, no amount, which every basis names, or a line not priced by the rates) is left alone.
-- Only how the basis is written changes, not an amount: lines of closed periods are rewritten too.
ALTER TABLE "expense_lines" DISABLE TRIGGER "expense_lines_closed_guard_update";
--> statement-breakpoint
WITH "old" AS (
  SELECT "id", "note" AS "en",
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
      "note",
      '^cancelled (\d+) h ahead \(under (\d+) h\): ', '\1時間前の取り消し（\2時間未満）：'),
      '：(\d+)% of (¥[0-9,]+) \((.*)\)', '：\2の\1%（\3）'),
      '(¥[0-9,]+) per activity', '1回の活動につき\1', 'g'),
      '(\d+) × (¥[0-9,]+) per job of up to (\d+) min \((\d+) min worked\)', '\3分までの1件につき\2 × \1件（活動\4分）', 'g'),
      '(¥[0-9,]+) for the first (\d+) min \+ (\d+) min × (¥[0-9,]+)/h \((\d+) min worked\)', '最初の\2分\1 ＋ \3分 × 時給\4（活動\5分）', 'g'),
      '(¥[0-9,]+) for up to (\d+) min \((\d+) min worked\)', '\2分まで\1（活動\3分）', 'g'),
      '(\d+) pages × (¥[0-9,]+)', '\1ページ × \2', 'g'),
      '(\d+) words × (¥[0-9,]+)', '\1語 × \2', 'g'),
      '(\d+) characters = (\d+) manuscript pages of (\d+) × (¥[0-9,]+)', '\1文字 ＝ \3字詰め原稿用紙\2枚 × \4', 'g'),
      ', raised to the minimum of (¥[0-9,]+)', '、最低額\1に引き上げ', 'g'),
      '(¥[0-9,]+) per remote session', '遠隔通訳1回につき\1', 'g'),
      'actual fare (¥[0-9,]+), capped at (¥[0-9,]+)', '実費\1、上限\2', 'g'),
      'actual fare (¥[0-9,]+)', '実費\1', 'g'),
      ', receipt to be checked', '、領収書は要確認', 'g'),
      '; (\d+)% paid by the person served, capped at (¥[0-9,]+)', '。うち\1%を利用者本人が負担（上限\2）', 'g'),
      '; (\d+)% paid by the person served', '。うち\1%を利用者本人が負担', 'g'),
      '; the rest', '。その残り', 'g'),
      '¥([0-9,]+)', '\1円', 'g') AS "ja"
  FROM "expense_lines"
  WHERE "source" = 'rate_schedule' AND "basis" IS NULL AND "note" IS NOT NULL
    AND "note" ~ '¥' AND "note" !~ '[ぁ-ヿ㐀-鿿＀-￯]'
)
UPDATE "expense_lines" AS "line"
SET "note" = NULL,
    "basis" = jsonb_build_object(
      'ja', CASE WHEN "old"."ja" ~ '[A-Za-z]' THEN '料金表による算定（内訳は英語でのみ記録）' ELSE "old"."ja" END,
      'en', "old"."en")
FROM "old"
WHERE "line"."id" = "old"."id";
--> statement-breakpoint
ALTER TABLE "expense_lines" ENABLE TRIGGER "expense_lines_closed_guard_update";
