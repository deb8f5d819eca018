CREATE TABLE "expense_dispatch_totals" (
	"association_id" uuid,
	"fiscal_year" smallint,
	"bearing_government_code" text,
	"grant_tax_category" text,
	"language_code" text,
	"dispatches" integer NOT NULL,
	"minutes" bigint NOT NULL,
	CONSTRAINT "expense_dispatch_totals_pkey" PRIMARY KEY("association_id","fiscal_year","bearing_government_code","grant_tax_category","language_code")
);
--> statement-breakpoint
DROP INDEX "expense_lines_flagged";--> statement-breakpoint
DROP INDEX "expense_lines_unapproved";--> statement-breakpoint
DROP INDEX "expense_lines_duplicates";--> statement-breakpoint
ALTER TABLE "expense_dispatches" ADD COLUMN "previous_lines" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "expense_dispatches" ADD COLUMN "previous_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "expense_lines_flagged_by_date" ON "expense_lines" ("association_id","fiscal_year","activity_date","id") WHERE "eligibility" = 'flagged';--> statement-breakpoint
CREATE INDEX "expense_lines_unapproved_by_date" ON "expense_lines" ("association_id","fiscal_year","activity_date","id") WHERE "status" in ('draft', 'submitted');--> statement-breakpoint
CREATE INDEX "expense_lines_duplicates_by_date" ON "expense_lines" ("association_id","fiscal_year","activity_date","id") WHERE "duplicate_of_line_id" is not null;