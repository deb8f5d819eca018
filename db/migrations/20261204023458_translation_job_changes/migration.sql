CREATE TYPE "translation_change_status" AS ENUM('proposed', 'accepted', 'declined');--> statement-breakpoint
CREATE TABLE "translation_job_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"job_id" uuid NOT NULL,
	"status" "translation_change_status" DEFAULT 'proposed'::"translation_change_status" NOT NULL,
	"deadline" timestamp with time zone,
	"add_document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"remove_document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "translation_job_changes_pending_key" ON "translation_job_changes" ("job_id") WHERE "status" = 'proposed';--> statement-breakpoint
CREATE INDEX "translation_job_changes_job_idx" ON "translation_job_changes" ("job_id","proposed_at");--> statement-breakpoint
ALTER TABLE "translation_job_changes" ADD CONSTRAINT "translation_job_changes_job_id_translation_jobs_id_fkey" FOREIGN KEY ("job_id") REFERENCES "translation_jobs"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "translation_job_changes" ADD CONSTRAINT "translation_job_changes_proposed_by_users_id_fkey" FOREIGN KEY ("proposed_by") REFERENCES "users"("id") ON DELETE SET NULL;