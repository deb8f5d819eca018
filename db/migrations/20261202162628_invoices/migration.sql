CREATE TYPE "invoice_grouping" AS ENUM('organization_month', 'dispatch');--> statement-breakpoint
CREATE TYPE "invoice_status" AS ENUM('issued', 'paid', 'superseded');--> statement-breakpoint
CREATE TYPE "tax_treatment" AS ENUM('standard', 'exempt');--> statement-breakpoint
CREATE TABLE "invoice_counters" (
	"association_id" uuid,
	"numbering_year" smallint,
	"last_sequence" integer NOT NULL,
	CONSTRAINT "invoice_counters_pkey" PRIMARY KEY("association_id","numbering_year")
);
--> statement-breakpoint
CREATE TABLE "invoice_items" (
	"id" bigserial PRIMARY KEY,
	"invoice_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"activity_date" date NOT NULL,
	"kind" "expense_kind" NOT NULL,
	"amount_yen" integer NOT NULL,
	"tax_treatment" "tax_treatment" NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoiced_lines" (
	"line_id" uuid PRIMARY KEY,
	"invoice_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"association_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"numbering_year" smallint NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"issue_date" date NOT NULL,
	"grouping" "invoice_grouping" NOT NULL,
	"month" text NOT NULL,
	"assignment_id" uuid,
	"issuer_name_ja" text NOT NULL,
	"registration_number" text NOT NULL,
	"recipient_name" text NOT NULL,
	"tax_treatment" "tax_treatment" NOT NULL,
	"total_yen" bigint NOT NULL,
	"tax_yen" bigint NOT NULL,
	"by_rate" jsonb NOT NULL,
	"status" "invoice_status" DEFAULT 'issued'::"invoice_status" NOT NULL,
	"corrects_invoice_id" uuid UNIQUE,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"paid_at" timestamp with time zone,
	"paid_by" uuid,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "invoices_sequence" CHECK ("sequence" >= 1),
	CONSTRAINT "invoices_paid" CHECK (("status" = 'paid') = ("paid_at" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_items_line" ON "invoice_items" ("invoice_id","line_id");--> statement-breakpoint
CREATE INDEX "invoice_items_line_id_index" ON "invoice_items" ("line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number" ON "invoices" ("association_id","numbering_year","sequence");--> statement-breakpoint
CREATE INDEX "invoices_organization" ON "invoices" ("organization_id","issue_date");--> statement-breakpoint
CREATE INDEX "invoices_association_month" ON "invoices" ("association_id","month");--> statement-breakpoint
ALTER TABLE "invoice_counters" ADD CONSTRAINT "invoice_counters_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id");--> statement-breakpoint
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_invoice_id_invoices_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id");--> statement-breakpoint
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_line_id_expense_lines_id_fkey" FOREIGN KEY ("line_id") REFERENCES "expense_lines"("id");--> statement-breakpoint
ALTER TABLE "invoiced_lines" ADD CONSTRAINT "invoiced_lines_line_id_expense_lines_id_fkey" FOREIGN KEY ("line_id") REFERENCES "expense_lines"("id");--> statement-breakpoint
ALTER TABLE "invoiced_lines" ADD CONSTRAINT "invoiced_lines_invoice_id_invoices_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_assignment_id_assignments_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_issued_by_users_id_fkey" FOREIGN KEY ("issued_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_paid_by_users_id_fkey" FOREIGN KEY ("paid_by") REFERENCES "users"("id") ON DELETE SET NULL;