CREATE TYPE "bank_account_type" AS ENUM('ordinary', 'current');--> statement-breakpoint
CREATE TYPE "payout_run_status" AS ENUM('built', 'approved', 'confirmed');--> statement-breakpoint
CREATE TABLE "individual_numbers" (
	"volunteer_id" uuid PRIMARY KEY,
	"key_id" text NOT NULL,
	"wrapped_key" bytea NOT NULL,
	"ciphertext" bytea NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_accounts" (
	"volunteer_id" uuid PRIMARY KEY,
	"declines_payment" boolean DEFAULT false NOT NULL,
	"bank_code" text,
	"bank_kana" text,
	"branch_code" text,
	"branch_kana" text,
	"account_type" "bank_account_type",
	"account_number" text,
	"holder_kana" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_accounts_complete" CHECK ("declines_payment" or ("bank_code" is not null and "branch_code" is not null and "account_type" is not null and "account_number" is not null and "holder_kana" is not null))
);
--> statement-breakpoint
CREATE TABLE "payout_payments" (
	"run_id" uuid,
	"volunteer_id" uuid,
	"gross_yen" integer NOT NULL,
	"subject_yen" integer NOT NULL,
	"withheld_yen" integer NOT NULL,
	"net_yen" integer NOT NULL,
	CONSTRAINT "payout_payments_pkey" PRIMARY KEY("run_id","volunteer_id"),
	CONSTRAINT "payout_payments_totals" CHECK ("gross_yen" = "net_yen" + "withheld_yen")
);
--> statement-breakpoint
CREATE TABLE "payout_run_lines" (
	"run_id" uuid,
	"line_id" uuid,
	"volunteer_id" uuid NOT NULL,
	CONSTRAINT "payout_run_lines_pkey" PRIMARY KEY("run_id","line_id")
);
--> statement-breakpoint
CREATE TABLE "payout_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"association_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"status" "payout_run_status" DEFAULT 'built'::"payout_run_status" NOT NULL,
	"transfer_date" date NOT NULL,
	"reverses_run_id" uuid UNIQUE,
	"lines_count" integer NOT NULL,
	"gross_yen" integer NOT NULL,
	"withheld_yen" integer NOT NULL,
	"net_yen" integer NOT NULL,
	"built_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_runs_month" CHECK ("month" between 1 and 12),
	CONSTRAINT "payout_runs_totals" CHECK ("gross_yen" = "net_yen" + "withheld_yen")
);
--> statement-breakpoint
CREATE TABLE "payout_settings" (
	"association_id" uuid PRIMARY KEY,
	"requester_code" text NOT NULL,
	"requester_kana" text NOT NULL,
	"bank_code" text NOT NULL,
	"bank_kana" text NOT NULL,
	"branch_code" text NOT NULL,
	"branch_kana" text NOT NULL,
	"account_type" "bank_account_type" NOT NULL,
	"account_number" text NOT NULL,
	"withhold_on_transport" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_staff" (
	"association_id" uuid,
	"user_id" uuid,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_staff_pkey" PRIMARY KEY("association_id","user_id")
);
--> statement-breakpoint
CREATE INDEX "payout_payments_volunteer_id_index" ON "payout_payments" ("volunteer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_run_lines_once" ON "payout_run_lines" ("line_id");--> statement-breakpoint
CREATE INDEX "payout_runs_association_id_year_month_index" ON "payout_runs" ("association_id","year","month");--> statement-breakpoint
CREATE INDEX "payout_staff_user_id_index" ON "payout_staff" ("user_id");--> statement-breakpoint
ALTER TABLE "individual_numbers" ADD CONSTRAINT "individual_numbers_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "payout_accounts" ADD CONSTRAINT "payout_accounts_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "payout_accounts" ADD CONSTRAINT "payout_accounts_updated_by_users_id_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "payout_payments" ADD CONSTRAINT "payout_payments_run_id_payout_runs_id_fkey" FOREIGN KEY ("run_id") REFERENCES "payout_runs"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "payout_payments" ADD CONSTRAINT "payout_payments_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id");--> statement-breakpoint
ALTER TABLE "payout_run_lines" ADD CONSTRAINT "payout_run_lines_run_id_payout_runs_id_fkey" FOREIGN KEY ("run_id") REFERENCES "payout_runs"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "payout_run_lines" ADD CONSTRAINT "payout_run_lines_line_id_expense_lines_id_fkey" FOREIGN KEY ("line_id") REFERENCES "expense_lines"("id");--> statement-breakpoint
ALTER TABLE "payout_run_lines" ADD CONSTRAINT "payout_run_lines_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id");--> statement-breakpoint
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id");--> statement-breakpoint
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_built_by_users_id_fkey" FOREIGN KEY ("built_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_approved_by_users_id_fkey" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_confirmed_by_users_id_fkey" FOREIGN KEY ("confirmed_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "payout_settings" ADD CONSTRAINT "payout_settings_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "payout_settings" ADD CONSTRAINT "payout_settings_updated_by_users_id_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "payout_staff" ADD CONSTRAINT "payout_staff_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "payout_staff" ADD CONSTRAINT "payout_staff_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "payout_staff" ADD CONSTRAINT "payout_staff_granted_by_users_id_fkey" FOREIGN KEY ("granted_by") REFERENCES "users"("id") ON DELETE SET NULL;