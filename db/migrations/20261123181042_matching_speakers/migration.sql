CREATE TABLE "matching_speakers" (
	"association_id" uuid,
	"volunteer_id" uuid,
	"language_code" text,
	"level" "language_level" NOT NULL,
	"directions" "language_direction"[] NOT NULL,
	"weekly_free" int4multirange NOT NULL,
	CONSTRAINT "matching_speakers_pkey" PRIMARY KEY("association_id","language_code","volunteer_id")
);
--> statement-breakpoint
CREATE INDEX "matching_speakers_read_index" ON "matching_speakers" ("association_id","language_code","level","volunteer_id","directions","weekly_free");--> statement-breakpoint
CREATE INDEX "matching_speakers_volunteer_id_index" ON "matching_speakers" ("volunteer_id");--> statement-breakpoint
ALTER TABLE "matching_speakers" ADD CONSTRAINT "matching_speakers_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "matching_speakers" ADD CONSTRAINT "matching_speakers_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "matching_speakers" ADD CONSTRAINT "matching_speakers_language_code_languages_code_fkey" FOREIGN KEY ("language_code") REFERENCES "languages"("code");--> statement-breakpoint
-- A volunteer's windows as minutes of the week from Monday 00:00, touching windows merged.
CREATE FUNCTION volunteer_weekly_free(volunteer uuid) RETURNS int4multirange LANGUAGE sql STABLE AS $$
  SELECT coalesce(
           range_agg(int4range((w.weekday - 1) * 1440 + w.start_minute, (w.weekday - 1) * 1440 + w.end_minute)),
           '{}')
    FROM availability_windows w
   WHERE w.volunteer_id = volunteer
$$;--> statement-breakpoint
-- Writes the rows of these volunteers again from their languages, active memberships and windows.
-- (A volunteer being deleted has none left: the join to volunteers sees the row gone.)
CREATE FUNCTION refresh_matching_speakers(changed uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM matching_speakers WHERE volunteer_id = ANY (changed);
  INSERT INTO matching_speakers (association_id, volunteer_id, language_code, level, directions, weekly_free)
  SELECT m.association_id, l.volunteer_id, l.language_code, l.level, l.directions, volunteer_weekly_free(v.id)
    FROM volunteers v
    JOIN volunteer_languages l ON l.volunteer_id = v.id
    JOIN volunteer_memberships m ON m.volunteer_id = v.id AND m.status = 'active'
   WHERE v.id = ANY (changed);
$$;--> statement-breakpoint
-- Once per statement, for the volunteers its rows name (a seed inserts thousands at once).
CREATE FUNCTION matching_speakers_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid[];
BEGIN
  EXECUTE CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT array_agg(DISTINCT volunteer_id) FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT array_agg(DISTINCT volunteer_id) FROM old_rows'
    ELSE 'SELECT array_agg(DISTINCT volunteer_id) FROM (SELECT volunteer_id FROM new_rows UNION SELECT volunteer_id FROM old_rows) r'
  END INTO changed;
  IF changed IS NOT NULL THEN
    PERFORM refresh_matching_speakers(changed);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER volunteer_languages_inserted AFTER INSERT ON volunteer_languages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matching_speakers_follow();--> statement-breakpoint
CREATE TRIGGER volunteer_languages_updated AFTER UPDATE ON volunteer_languages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matching_speakers_follow();--> statement-breakpoint
CREATE TRIGGER volunteer_languages_deleted AFTER DELETE ON volunteer_languages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION matching_speakers_follow();--> statement-breakpoint
CREATE TRIGGER volunteer_memberships_inserted AFTER INSERT ON volunteer_memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matching_speakers_follow();--> statement-breakpoint
CREATE TRIGGER volunteer_memberships_updated AFTER UPDATE ON volunteer_memberships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matching_speakers_follow();--> statement-breakpoint
CREATE TRIGGER volunteer_memberships_deleted AFTER DELETE ON volunteer_memberships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION matching_speakers_follow();--> statement-breakpoint
CREATE TRIGGER availability_windows_inserted AFTER INSERT ON availability_windows
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matching_speakers_follow();--> statement-breakpoint
CREATE TRIGGER availability_windows_updated AFTER UPDATE ON availability_windows
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matching_speakers_follow();--> statement-breakpoint
CREATE TRIGGER availability_windows_deleted AFTER DELETE ON availability_windows
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION matching_speakers_follow();--> statement-breakpoint
SELECT refresh_matching_speakers(array_agg(id)) FROM volunteers;
