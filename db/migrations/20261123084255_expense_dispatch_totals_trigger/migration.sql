-- The totals trigger also keeps expense_dispatch_totals: dispatches and minutes per cell and
-- language. A dispatch row remembers its lines and minutes before each change (previous_*), set by
-- the very UPDATE that changes them, so the deltas are exact even when two transactions touch the
-- same dispatch.
CREATE OR REPLACE FUNCTION expense_lines_totals() RETURNS trigger LANGUAGE plpgsql AS $$
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
    WITH changes AS (%s),
    dispatches AS (
      INSERT INTO expense_dispatches AS d
        (association_id, fiscal_year, bearing_government_code, grant_tax_category, assignment_id,
         language_code, activity_minutes, lines, previous_lines, previous_minutes)
      SELECT association_id, fiscal_year, bearing_government_code, grant_tax_category, assignment_id,
             max(language_code), max(activity_minutes), sum(sign), 0, 0
        FROM changes
       GROUP BY 1, 2, 3, 4, 5
      HAVING sum(sign) <> 0
       ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (association_id, fiscal_year, bearing_government_code, grant_tax_category, assignment_id)
      DO UPDATE SET previous_lines = d.lines, previous_minutes = d.activity_minutes,
                    lines = d.lines + excluded.lines,
                    activity_minutes = greatest(d.activity_minutes, excluded.activity_minutes)
      RETURNING association_id, fiscal_year, bearing_government_code, grant_tax_category, language_code,
                (lines > 0)::int - (previous_lines > 0)::int AS dispatches,
                CASE WHEN lines > 0 THEN activity_minutes ELSE 0 END
                  - CASE WHEN previous_lines > 0 THEN previous_minutes ELSE 0 END AS minutes)
    INSERT INTO expense_dispatch_totals AS t
      (association_id, fiscal_year, bearing_government_code, grant_tax_category, language_code, dispatches, minutes)
    SELECT association_id, fiscal_year, bearing_government_code, grant_tax_category, language_code,
           sum(dispatches), sum(minutes)
      FROM dispatches
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(dispatches) <> 0 OR sum(minutes) <> 0
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (association_id, fiscal_year, bearing_government_code, grant_tax_category, language_code)
    DO UPDATE SET dispatches = t.dispatches + excluded.dispatches, minutes = t.minutes + excluded.minutes
  $sql$, changes);
  IF TG_OP <> 'INSERT' THEN
    EXECUTE $sql$
      DELETE FROM expense_totals AS t
       USING (SELECT DISTINCT association_id, fiscal_year, bearing_government_code, grant_tax_category FROM old_lines) AS k
       WHERE t.lines = 0 AND t.association_id = k.association_id AND t.fiscal_year = k.fiscal_year
         AND t.bearing_government_code = k.bearing_government_code AND t.grant_tax_category = k.grant_tax_category
    $sql$;
    EXECUTE $sql$
      DELETE FROM expense_dispatches AS d
       USING (SELECT DISTINCT association_id, fiscal_year, bearing_government_code, grant_tax_category, assignment_id
                FROM old_lines) AS k
       WHERE d.lines = 0 AND d.association_id = k.association_id AND d.fiscal_year = k.fiscal_year
         AND d.bearing_government_code = k.bearing_government_code AND d.grant_tax_category = k.grant_tax_category
         AND d.assignment_id = k.assignment_id
    $sql$;
    EXECUTE $sql$
      DELETE FROM expense_dispatch_totals AS t
       USING (SELECT DISTINCT association_id, fiscal_year, bearing_government_code, grant_tax_category, language_code
                FROM old_lines) AS k
       WHERE t.dispatches = 0 AND t.minutes = 0 AND t.association_id = k.association_id
         AND t.fiscal_year = k.fiscal_year AND t.bearing_government_code = k.bearing_government_code
         AND t.grant_tax_category = k.grant_tax_category AND t.language_code = k.language_code
    $sql$;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO expense_dispatch_totals
  (association_id, fiscal_year, bearing_government_code, grant_tax_category, language_code, dispatches, minutes)
SELECT association_id, fiscal_year, bearing_government_code, grant_tax_category, language_code, count(*), sum(activity_minutes)
  FROM expense_dispatches
 GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
-- The reconciliation lists the lines of assignments that were not completed: few assignments are.
CREATE INDEX assignments_not_completed ON assignments (id) WHERE status <> 'completed';
