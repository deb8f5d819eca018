CREATE TYPE "bearing_body_kind" AS ENUM('prefecture', 'municipality');--> statement-breakpoint
CREATE TYPE "expense_eligibility" AS ENUM('eligible', 'not_claimed', 'flagged');--> statement-breakpoint
CREATE TYPE "expense_kind" AS ENUM('honorarium', 'transport', 'translation_fee', 'remote_fee', 'equipment', 'cancellation_fee', 'other');--> statement-breakpoint
CREATE TYPE "expense_line_action" AS ENUM('created', 'edited', 'submitted', 'approved', 'paid', 'category_overridden', 'reversed');--> statement-breakpoint
CREATE TYPE "expense_payer" AS ENUM('requester', 'association', 'person_served');--> statement-breakpoint
CREATE TYPE "expense_source" AS ENUM('rate_schedule', 'manual', 'reversal');--> statement-breakpoint
CREATE TYPE "expense_status" AS ENUM('draft', 'submitted', 'approved', 'paid');--> statement-breakpoint
CREATE TYPE "export_detail" AS ENUM('summary', 'lines');--> statement-breakpoint
CREATE TYPE "export_format" AS ENUM('csv', 'xlsx');--> statement-breakpoint
CREATE TYPE "export_status" AS ENUM('ready', 'running', 'finished', 'failed');--> statement-breakpoint
CREATE TYPE "grant_tax_measure" AS ENUM('special_grant_tax', 'ordinary_grant_tax');--> statement-breakpoint
CREATE TABLE "assignment_rates" (
	"assignment_id" uuid PRIMARY KEY,
	"rate_schedule_id" uuid,
	"effective_from" date NOT NULL,
	"rules" jsonb NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"copied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expense_dispatches" (
	"association_id" uuid,
	"fiscal_year" smallint,
	"bearing_government_code" text,
	"grant_tax_category" text,
	"assignment_id" uuid,
	"language_code" text NOT NULL,
	"activity_minutes" integer NOT NULL,
	"lines" integer NOT NULL,
	CONSTRAINT "expense_dispatches_pkey" PRIMARY KEY("association_id","fiscal_year","bearing_government_code","grant_tax_category","assignment_id")
);
--> statement-breakpoint
CREATE TABLE "expense_line_events" (
	"id" bigserial PRIMARY KEY,
	"line_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"action" "expense_line_action" NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "expense_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"association_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"kind" "expense_kind" NOT NULL,
	"amount_yen" integer NOT NULL,
	"payer" "expense_payer" NOT NULL,
	"bearing_government_code" text NOT NULL,
	"bearing_kind" "bearing_body_kind" NOT NULL,
	"activity_date" date NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"grant_tax_category" text NOT NULL,
	"measure" "grant_tax_measure",
	"eligibility" "expense_eligibility" NOT NULL,
	"category_override_reason" text,
	"status" "expense_status" DEFAULT 'draft'::"expense_status" NOT NULL,
	"language_code" text NOT NULL,
	"activity_minutes" integer DEFAULT 0 NOT NULL,
	"source" "expense_source" NOT NULL,
	"source_key" text UNIQUE,
	"reverses_line_id" uuid UNIQUE,
	"duplicate_of_line_id" uuid,
	"note" text,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_lines_category" CHECK ("grant_tax_category" in ('1','2','3','4','5','6','7','G','N')),
	CONSTRAINT "expense_lines_sign" CHECK (("reverses_line_id" is null and "amount_yen" > 0) or ("reverses_line_id" is not null and "amount_yen" < 0)),
	CONSTRAINT "expense_lines_fiscal_year" CHECK ("fiscal_year" = extract(year from "activity_date" - interval '3 months')),
	CONSTRAINT "expense_lines_minutes" CHECK ("activity_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "expense_totals" (
	"association_id" uuid,
	"fiscal_year" smallint,
	"bearing_government_code" text,
	"grant_tax_category" text,
	"kind" "expense_kind",
	"status" "expense_status",
	"amount_yen" bigint NOT NULL,
	"lines" integer NOT NULL,
	CONSTRAINT "expense_totals_pkey" PRIMARY KEY("association_id","fiscal_year","bearing_government_code","grant_tax_category","kind","status")
);
--> statement-breakpoint
CREATE TABLE "fiscal_period_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"association_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"reopened_at" timestamp with time zone,
	"reopened_by" uuid,
	"reopen_reason" text,
	CONSTRAINT "fiscal_period_closures_month" CHECK ("month" between 0 and 12)
);
--> statement-breakpoint
CREATE TABLE "rate_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"association_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"rules" jsonb NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconciliation_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"association_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"bearing_government_code" text,
	"format" "export_format" NOT NULL,
	"detail" "export_detail" NOT NULL,
	"header_language" text NOT NULL,
	"rows_expected" integer NOT NULL,
	"rows_written" integer DEFAULT 0 NOT NULL,
	"status" "export_status" DEFAULT 'ready'::"export_status" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "expense_line_events_line_id_at_index" ON "expense_line_events" ("line_id","at");--> statement-breakpoint
CREATE INDEX "expense_lines_cell" ON "expense_lines" ("association_id","fiscal_year","bearing_government_code","grant_tax_category","activity_date","id");--> statement-breakpoint
CREATE INDEX "expense_lines_assignment" ON "expense_lines" ("assignment_id");--> statement-breakpoint
CREATE INDEX "expense_lines_flagged" ON "expense_lines" ("association_id","fiscal_year") WHERE "eligibility" = 'flagged';--> statement-breakpoint
CREATE INDEX "expense_lines_unapproved" ON "expense_lines" ("association_id","fiscal_year","activity_date") WHERE "status" in ('draft', 'submitted');--> statement-breakpoint
CREATE INDEX "expense_lines_duplicates" ON "expense_lines" ("association_id","fiscal_year") WHERE "duplicate_of_line_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_period_closures_open" ON "fiscal_period_closures" ("association_id","fiscal_year","month") WHERE "reopened_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "rate_schedules_association_from" ON "rate_schedules" ("association_id","effective_from");--> statement-breakpoint
CREATE INDEX "reconciliation_exports_requested_by_created_at_index" ON "reconciliation_exports" ("requested_by","created_at");--> statement-breakpoint
ALTER TABLE "assignment_rates" ADD CONSTRAINT "assignment_rates_assignment_id_assignments_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assignment_rates" ADD CONSTRAINT "assignment_rates_rate_schedule_id_rate_schedules_id_fkey" FOREIGN KEY ("rate_schedule_id") REFERENCES "rate_schedules"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "expense_line_events" ADD CONSTRAINT "expense_line_events_line_id_expense_lines_id_fkey" FOREIGN KEY ("line_id") REFERENCES "expense_lines"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "expense_line_events" ADD CONSTRAINT "expense_line_events_actor_user_id_users_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id");--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_assignment_id_assignments_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id");--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_8s4cQraPF7Q0_fkey" FOREIGN KEY ("bearing_government_code") REFERENCES "local_governments"("code");--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_language_code_languages_code_fkey" FOREIGN KEY ("language_code") REFERENCES "languages"("code");--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_updated_by_users_id_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "fiscal_period_closures" ADD CONSTRAINT "fiscal_period_closures_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "fiscal_period_closures" ADD CONSTRAINT "fiscal_period_closures_closed_by_users_id_fkey" FOREIGN KEY ("closed_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "fiscal_period_closures" ADD CONSTRAINT "fiscal_period_closures_reopened_by_users_id_fkey" FOREIGN KEY ("reopened_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "rate_schedules" ADD CONSTRAINT "rate_schedules_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "rate_schedules" ADD CONSTRAINT "rate_schedules_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "rate_schedules" ADD CONSTRAINT "rate_schedules_updated_by_users_id_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "reconciliation_exports" ADD CONSTRAINT "reconciliation_exports_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "reconciliation_exports" ADD CONSTRAINT "reconciliation_exports_requested_by_users_id_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE CASCADE;