DROP INDEX "volunteer_languages_language_code_index";--> statement-breakpoint
CREATE INDEX "availability_windows_free_index" ON "availability_windows" ("weekday","volunteer_id","start_minute","end_minute");--> statement-breakpoint
CREATE INDEX "volunteer_languages_speakers_index" ON "volunteer_languages" ("language_code","level","volunteer_id","directions");--> statement-breakpoint
CREATE INDEX "assignments_worked_index" ON "assignments" ("volunteer_id","busy_from","request_id") WHERE "status" in ('confirmed', 'completed');--> statement-breakpoint
CREATE INDEX "assignments_no_shows_index" ON "assignments" ("volunteer_id","busy_from","request_id") WHERE "status" = 'no_show';