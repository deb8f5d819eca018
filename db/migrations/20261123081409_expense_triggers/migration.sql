-- An expense line of a closed period never changes: any statement that inserts, updates or deletes
-- one is refused whole (SQLSTATE TS001). Writers take a shared advisory lock per association and
-- fiscal year and closing takes it exclusively, so no line slips into a period while it closes.
CREATE FUNCTION expense_lines_closed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sources text[] := CASE TG_OP
    WHEN 'INSERT' THEN ARRAY['new_lines']
    WHEN 'DELETE' THEN ARRAY['old_lines']
    ELSE ARRAY['old_lines', 'new_lines'] END;
  source text;
  offending record;
BEGIN
  FOREACH source IN ARRAY sources LOOP
    EXECUTE format(
      'SELECT count(pg_advisory_xact_lock_shared(hashtext(association_id::text), fiscal_year))
         FROM (SELECT DISTINCT association_id, fiscal_year FROM %I) AS periods', source);
    EXECUTE format(
      'SELECT l.id, l.fiscal_year, c.month
         FROM %I AS l
         JOIN fiscal_period_closures AS c
           ON c.association_id = l.association_id AND c.fiscal_year = l.fiscal_year
          AND c.month IN (0, extract(month FROM l.activity_date)) AND c.reopened_at IS NULL
        LIMIT 1', source) INTO offending;
    IF offending.id IS NOT NULL THEN
      RAISE EXCEPTION 'expense line % is in a closed period (FY%, month %)',
        offending.id, offending.fiscal_year, offending.month USING ERRCODE = 'TS001';
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER expense_lines_closed_guard_insert AFTER INSERT ON expense_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION expense_lines_closed_guard();
--> statement-breakpoint
CREATE TRIGGER expense_lines_closed_guard_update AFTER UPDATE ON expense_lines
  REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION expense_lines_closed_guard();
--> statement-breakpoint
CREATE TRIGGER expense_lines_closed_guard_delete AFTER DELETE ON expense_lines
  REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION expense_lines_closed_guard();
--> statement-breakpoint
-- The reconciliation's sums and dispatches, changed by the same statement that changes the lines,
-- so that they always equal the lines. Cells are upserted in key order, so that two writers never
-- wait on each other in a cycle.
CREATE FUNCTION expense_lines_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM new_lines'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM old_lines'
    ELSE 'SELECT *, 1 AS sign FROM new_lines UNION ALL SELECT *, -1 AS sign FROM old_lines' END;
BEGIN
  EXECUTE format($sql$
    WITH changes AS (%s)
    INSERT INTO expense_totals AS t
      (association_id, fiscal_year, bearing_government_code, grant_tax_category, kind, status, amount_yen, lines)
    SELECT association_id, fiscal_year, bearing_government_code, grant_tax_category, kind, status,
           sum(sign * amount_yen::bigint), sum(sign)
      FROM changes
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(sign) <> 0 OR sum(sign * amount_yen::bigint) <> 0
     ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (association_id, fiscal_year, bearing_government_code, grant_tax_category, kind, status)
    DO UPDATE SET amount_yen = t.amount_yen + excluded.amount_yen, lines = t.lines + excluded.lines
  $sql$, changes);
  EXECUTE format($sql$
    WITH changes AS (%s)
    INSERT INTO expense_dispatches AS d
      (association_id, fiscal_year, bearing_government_code, grant_tax_category, assignment_id,
       language_code, activity_minutes, lines)
    SELECT association_id, fiscal_year, bearing_government_code, grant_tax_category, assignment_id,
           max(language_code), max(activity_minutes), sum(sign)
      FROM changes
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(sign) <> 0
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (association_id, fiscal_year, bearing_government_code, grant_tax_category, assignment_id)
    DO UPDATE SET lines = d.lines + excluded.lines,
                  activity_minutes = greatest(d.activity_minutes, excluded.activity_minutes)
  $sql$, changes);
  IF TG_OP <> 'INSERT' THEN
    EXECUTE format($sql$
      DELETE FROM expense_totals AS t
       USING (SELECT DISTINCT association_id, fiscal_year, bearing_government_code, grant_tax_category FROM old_lines) AS k
       WHERE t.lines = 0 AND t.association_id = k.association_id AND t.fiscal_year = k.fiscal_year
         AND t.bearing_government_code = k.bearing_government_code AND t.grant_tax_category = k.grant_tax_category
    $sql$);
    EXECUTE format($sql$
      DELETE FROM expense_dispatches AS d
       USING (SELECT DISTINCT association_id, fiscal_year, bearing_government_code, grant_tax_category, assignment_id
                FROM old_lines) AS k
       WHERE d.lines = 0 AND d.association_id = k.association_id AND d.fiscal_year = k.fiscal_year
         AND d.bearing_government_code = k.bearing_government_code AND d.grant_tax_category = k.grant_tax_category
         AND d.assignment_id = k.assignment_id
    $sql$);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER expense_lines_totals_insert AFTER INSERT ON expense_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION expense_lines_totals();
--> statement-breakpoint
CREATE TRIGGER expense_lines_totals_update AFTER UPDATE ON expense_lines
  REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION expense_lines_totals();
--> statement-breakpoint
CREATE TRIGGER expense_lines_totals_delete AFTER DELETE ON expense_lines
  REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION expense_lines_totals();
