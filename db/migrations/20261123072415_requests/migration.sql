CREATE TYPE "assignment_status" AS ENUM('confirmed', 'released', 'cancelled', 'completed', 'no_show');--> statement-breakpoint
CREATE TYPE "modality" AS ENUM('on_site', 'remote', 'translation');--> statement-breakpoint
CREATE TYPE "request_purpose" AS ENUM('consultation_desk', 'administrative_translation', 'life_orientation', 'disaster', 'school_enrollment', 'one_stop_desk', 'japanese_class', 'other_support', 'other');--> statement-breakpoint
CREATE TYPE "request_routing" AS ENUM('normal', 'certified_only', 'not_offered');--> statement-breakpoint
CREATE TYPE "request_status" AS ENUM('filed', 'open', 'filled', 'cancelled', 'rejected', 'completed');--> statement-breakpoint
CREATE TYPE "translation_direction" AS ENUM('into_japanese', 'from_japanese');--> statement-breakpoint
CREATE TYPE "volume_unit" AS ENUM('pages', 'characters');--> statement-breakpoint
CREATE TABLE "request_applications" (
	"request_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"request_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"status" "assignment_status" DEFAULT 'confirmed'::"assignment_status" NOT NULL,
	"busy_from" timestamp with time zone NOT NULL,
	"busy_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_busy_order" CHECK ("busy_until" > "busy_from")
);
--> statement-breakpoint
CREATE TABLE "request_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"organization_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"first_date" date NOT NULL,
	"last_date" date NOT NULL,
	"continues_series_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"association_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"filed_by" uuid,
	"series_id" uuid,
	"status" "request_status" DEFAULT 'filed'::"request_status" NOT NULL,
	"modality" "modality" NOT NULL,
	"language_code" text NOT NULL,
	"pair_language_code" text DEFAULT 'ja' NOT NULL,
	"translation_direction" "translation_direction",
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"deadline" timestamp with time zone,
	"volume" integer,
	"volume_unit" "volume_unit",
	"local_government_code" text,
	"venue" text,
	"address" text,
	"remote_join_instructions" text,
	"purpose" "request_purpose" NOT NULL,
	"specialty" "specialty",
	"interpreters_needed" smallint DEFAULT 1 NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text,
	"notes" text,
	"urgent" boolean DEFAULT false NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"routing" "request_routing" DEFAULT 'normal'::"request_routing" NOT NULL,
	"required_certificate_kind" text,
	"emergency" boolean DEFAULT false NOT NULL,
	"infection_risk" boolean DEFAULT false NOT NULL,
	"answer_by" date,
	"grant_tax_category" text NOT NULL,
	"open_to_partners" boolean DEFAULT false NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requests_window" CHECK ("starts_at" is null or "ends_at" > "starts_at"),
	CONSTRAINT "requests_interpreters" CHECK ("interpreters_needed" between 1 and 20),
	CONSTRAINT "requests_shape" CHECK (("modality" = 'translation' and "deadline" is not null)
        or ("modality" <> 'translation' and "starts_at" is not null and "ends_at" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "request_applications_pk" ON "request_applications" ("request_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "assignments_volunteer_id_busy_from_index" ON "assignments" ("volunteer_id","busy_from");--> statement-breakpoint
CREATE INDEX "assignments_request_id_index" ON "assignments" ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_one_active_per_volunteer_and_request" ON "assignments" ("request_id","volunteer_id") WHERE "status" = 'confirmed';--> statement-breakpoint
CREATE INDEX "requests_organization_id_starts_at_index" ON "requests" ("organization_id","starts_at");--> statement-breakpoint
CREATE INDEX "requests_association_id_status_starts_at_index" ON "requests" ("association_id","status","starts_at");--> statement-breakpoint
CREATE INDEX "requests_series_id_index" ON "requests" ("series_id");--> statement-breakpoint
ALTER TABLE "request_applications" ADD CONSTRAINT "request_applications_request_id_requests_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "request_applications" ADD CONSTRAINT "request_applications_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_request_id_requests_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "request_series" ADD CONSTRAINT "request_series_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_filed_by_users_id_fkey" FOREIGN KEY ("filed_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_series_id_request_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "request_series"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_language_code_languages_code_fkey" FOREIGN KEY ("language_code") REFERENCES "languages"("code");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_pair_language_code_languages_code_fkey" FOREIGN KEY ("pair_language_code") REFERENCES "languages"("code");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_local_government_code_local_governments_code_fkey" FOREIGN KEY ("local_government_code") REFERENCES "local_governments"("code");