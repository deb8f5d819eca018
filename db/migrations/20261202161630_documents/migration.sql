CREATE TYPE "document_count_unit" AS ENUM('characters', 'words', 'pages');--> statement-breakpoint
CREATE TYPE "document_role" AS ENUM('source', 'translation');--> statement-breakpoint
CREATE TABLE "document_chunks" (
	"document_id" uuid,
	"seq" integer,
	"bytes" bytea NOT NULL,
	CONSTRAINT "document_chunks_pkey" PRIMARY KEY("document_id","seq")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"association_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid,
	"role" "document_role" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"uploaded_by" uuid,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"count_unit" "document_count_unit",
	"counted" integer,
	"corrected_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_size_positive" CHECK ("size_bytes" > 0),
	CONSTRAINT "documents_version_positive" CHECK ("version" > 0),
	CONSTRAINT "documents_count_whole" CHECK (("counted" is null or "counted" >= 0)
      and ("corrected_count" is null or "corrected_count" >= 0))
);
--> statement-breakpoint
CREATE INDEX "documents_request_idx" ON "documents" ("request_id","role","version");--> statement-breakpoint
CREATE INDEX "documents_organization_idx" ON "documents" ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_translation_version_key" ON "documents" ("request_id","version") WHERE "role" = 'translation';--> statement-breakpoint
ALTER TABLE "document_chunks" ADD CONSTRAINT "document_chunks_document_id_documents_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_request_id_requests_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE SET NULL;