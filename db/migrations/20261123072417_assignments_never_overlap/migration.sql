-- No volunteer is ever booked twice at once: the busy ranges (the request's window widened by the
-- travel buffer) of one volunteer's confirmed assignments may not overlap. The database enforces
-- it, so concurrent acceptances cannot both succeed whatever the code above does.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_never_overlap"
  EXCLUDE USING gist ("volunteer_id" WITH =, tstzrange("busy_from", "busy_until", '[)') WITH &&)
  WHERE ("status" = 'confirmed');
