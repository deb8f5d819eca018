CREATE TYPE "translation_job_state" AS ENUM('booked', 'source_downloaded', 'translation_uploaded', 'submitted', 'revision_asked', 'overdue', 'accepted', 'done', 'given_back', 'released');--> statement-breakpoint
CREATE TYPE "translation_review_decision" AS ENUM('accepted', 'revision_asked');--> statement-breakpoint
CREATE TABLE "translation_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"association_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"state" "translation_job_state" DEFAULT 'booked'::"translation_job_state" NOT NULL,
	"rounds_allowed" smallint NOT NULL,
	"rounds_used" smallint DEFAULT 0 NOT NULL,
	"submitted_document_id" uuid,
	"submitted_at" timestamp with time zone,
	"source_downloaded_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "translation_jobs_rounds" CHECK ("rounds_used" >= 0 and "rounds_used" <= "rounds_allowed")
);
--> statement-breakpoint
CREATE TABLE "translation_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"job_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"document_id" uuid,
	"submitted_at" timestamp with time zone,
	"decision" "translation_review_decision" NOT NULL,
	"comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "translation_jobs_assignment_key" ON "translation_jobs" ("assignment_id");--> statement-breakpoint
CREATE INDEX "translation_jobs_request_idx" ON "translation_jobs" ("request_id");--> statement-breakpoint
CREATE INDEX "translation_jobs_overdue_idx" ON "translation_jobs" ("association_id") WHERE "state" = 'overdue';--> statement-breakpoint
CREATE UNIQUE INDEX "translation_reviews_round_key" ON "translation_reviews" ("job_id","round");--> statement-breakpoint
ALTER TABLE "translation_jobs" ADD CONSTRAINT "translation_jobs_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "translation_jobs" ADD CONSTRAINT "translation_jobs_request_id_requests_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "translation_jobs" ADD CONSTRAINT "translation_jobs_assignment_id_assignments_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "translation_jobs" ADD CONSTRAINT "translation_jobs_submitted_document_id_documents_id_fkey" FOREIGN KEY ("submitted_document_id") REFERENCES "documents"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "translation_reviews" ADD CONSTRAINT "translation_reviews_job_id_translation_jobs_id_fkey" FOREIGN KEY ("job_id") REFERENCES "translation_jobs"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "translation_reviews" ADD CONSTRAINT "translation_reviews_document_id_documents_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "translation_reviews" ADD CONSTRAINT "translation_reviews_reviewed_by_users_id_fkey" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE SET NULL;