ALTER TABLE "translation_job_changes" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "translation_job_changes" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "translation_jobs" ADD COLUMN "overdue_from" "translation_job_state";