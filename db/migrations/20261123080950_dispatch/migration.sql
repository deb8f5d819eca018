CREATE TYPE "offer_status" AS ENUM('offered', 'accepted', 'declined', 'expired', 'withdrawn');--> statement-breakpoint
CREATE TYPE "dispatch_stage" AS ENUM('screening', 'offering', 'escalated', 'confirmed', 'awaiting_reports', 'completed', 'cancelled', 'rejected');--> statement-breakpoint
CREATE TABLE "activity_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"assignment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actual_start" timestamp with time zone,
	"actual_end" timestamp with time zone,
	"transport_fare_yen" integer,
	"notes" text,
	"took_place" boolean,
	"satisfaction" smallint,
	"remarks" text,
	"filed_by" uuid,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	CONSTRAINT "activity_reports_one_per_kind" UNIQUE("assignment_id","kind"),
	CONSTRAINT "activity_reports_kind" CHECK ("kind" in ('volunteer', 'requester')),
	CONSTRAINT "activity_reports_satisfaction" CHECK ("satisfaction" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"request_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"wave" smallint NOT NULL,
	"status" "offer_status" DEFAULT 'offered'::"offer_status" NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"offered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "assigned_by" uuid;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "reconfirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "release_reason" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "cancellation_notice_hours" integer;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "cancellation_fee_percent" smallint;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "dispatch_stage" "dispatch_stage" DEFAULT 'screening'::"dispatch_stage" NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "dispatch_wave" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "widened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "screened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "screened_by" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "offers_one_open_per_volunteer_and_request" ON "offers" ("request_id","volunteer_id") WHERE "status" = 'offered';--> statement-breakpoint
CREATE INDEX "offers_request_id_status_index" ON "offers" ("request_id","status");--> statement-breakpoint
CREATE INDEX "offers_volunteer_id_status_deadline_index" ON "offers" ("volunteer_id","status","deadline");--> statement-breakpoint
CREATE INDEX "requests_association_id_dispatch_stage_index" ON "requests" ("association_id","dispatch_stage");--> statement-breakpoint
ALTER TABLE "activity_reports" ADD CONSTRAINT "activity_reports_assignment_id_assignments_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id");--> statement-breakpoint
ALTER TABLE "activity_reports" ADD CONSTRAINT "activity_reports_filed_by_users_id_fkey" FOREIGN KEY ("filed_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "activity_reports" ADD CONSTRAINT "activity_reports_approved_by_users_id_fkey" FOREIGN KEY ("approved_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_request_id_requests_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_offered_by_users_id_fkey" FOREIGN KEY ("offered_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_users_id_fkey" FOREIGN KEY ("assigned_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_screened_by_users_id_fkey" FOREIGN KEY ("screened_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_cancellation_fee" CHECK ("cancellation_fee_percent" between 0 and 100);