CREATE TYPE "document_count_status" AS ENUM('counting', 'counted', 'cannot_count');--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "count_status" "document_count_status" DEFAULT 'counted'::"document_count_status" NOT NULL;--> statement-breakpoint
CREATE INDEX "documents_counting_idx" ON "documents" ("id") WHERE "count_status" = 'counting';--> statement-breakpoint
-- Documents kept before the status were counted at upload: those without a count could not be counted.
UPDATE "documents" SET "count_status" = 'cannot_count' WHERE "counted" IS NULL;
