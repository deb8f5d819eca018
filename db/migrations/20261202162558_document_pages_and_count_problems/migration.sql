CREATE TYPE "document_count_problem" AS ENUM('no_text', 'image', 'not_extracted');--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "page_count" integer;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "count_problem" "document_count_problem";