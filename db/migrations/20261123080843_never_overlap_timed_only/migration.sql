-- A translation's assignment has no busy range (it blocks no time), so the exclusion constraint
-- covers only the confirmed assignments that have one. Without the condition a null range would
-- read as unbounded and collide with everything.
ALTER TABLE "assignments" DROP CONSTRAINT "assignments_never_overlap";
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_never_overlap"
  EXCLUDE USING gist ("volunteer_id" WITH =, tstzrange("busy_from", "busy_until", '[)') WITH &&)
  WHERE ("status" = 'confirmed' AND "busy_from" IS NOT NULL);
