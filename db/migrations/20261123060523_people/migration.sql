CREATE TYPE "invitation_role" AS ENUM('requester', 'volunteer', 'coordinator', 'admin');--> statement-breakpoint
CREATE TYPE "audit_action" AS ENUM('read', 'create', 'update', 'delete');--> statement-breakpoint
CREATE TYPE "outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "ban_direction" AS ENUM('organization_declines_volunteer', 'volunteer_declines_organization');--> statement-breakpoint
CREATE TYPE "language_direction" AS ENUM('interpretation', 'translation_into_japanese', 'translation_from_japanese');--> statement-breakpoint
CREATE TYPE "language_level" AS ENUM('native', 'fluent', 'business', 'conversational');--> statement-breakpoint
CREATE TYPE "locale" AS ENUM('ja', 'en');--> statement-breakpoint
CREATE TYPE "membership_status" AS ENUM('applied', 'active', 'suspended', 'left');--> statement-breakpoint
CREATE TYPE "organization_status" AS ENUM('applied', 'approved', 'rejected', 'suspended');--> statement-breakpoint
CREATE TYPE "organization_type" AS ENUM('prefecture', 'municipality', 'board_of_education', 'public_school', 'public_hospital', 'consultation_desk', 'fire_department', 'other_public_body');--> statement-breakpoint
CREATE TYPE "specialty" AS ENUM('medical', 'legal', 'education', 'disaster', 'welfare', 'residence_procedures');--> statement-breakpoint
CREATE TYPE "staff_role" AS ENUM('coordinator', 'admin');--> statement-breakpoint
CREATE TYPE "volunteer_status" AS ENUM('applied', 'active', 'suspended', 'retired');--> statement-breakpoint
CREATE TYPE "local_government_kind" AS ENUM('prefecture', 'municipality', 'ward');--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text,
	"principal" text,
	"operation" text NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("principal","key")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"token_hash" text NOT NULL UNIQUE,
	"email" text NOT NULL,
	"role" "invitation_role" NOT NULL,
	"association_id" uuid NOT NULL,
	"organization_id" uuid,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY,
	"email" text NOT NULL,
	"client_address" text,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"token_hash" text PRIMARY KEY,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"action" "audit_action" NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"fields" text[] NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "caught_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"from_address" text NOT NULL,
	"to_addresses" text[] NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"outbox_id" uuid NOT NULL UNIQUE,
	"user_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"idempotency_key" text NOT NULL UNIQUE,
	"recipient_user_id" uuid,
	"to_address" text NOT NULL,
	"locale" "locale" NOT NULL,
	"template" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "outbox_status" DEFAULT 'pending'::"outbox_status" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "association_partners" (
	"association_id" uuid,
	"partner_id" uuid,
	CONSTRAINT "association_partners_pkey" PRIMARY KEY("association_id","partner_id"),
	CONSTRAINT "association_partners_not_self" CHECK ("association_id" <> "partner_id")
);
--> statement-breakpoint
CREATE TABLE "association_staff" (
	"association_id" uuid,
	"user_id" uuid,
	"role" "staff_role" NOT NULL,
	CONSTRAINT "association_staff_pkey" PRIMARY KEY("association_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "associations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"slug" text NOT NULL UNIQUE,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"local_government_code" text NOT NULL,
	"policy" jsonb DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "availability_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"volunteer_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" smallint NOT NULL,
	"end_minute" smallint NOT NULL,
	CONSTRAINT "availability_weekday" CHECK ("weekday" between 1 and 7),
	CONSTRAINT "availability_minutes" CHECK ("start_minute" >= 0 and "end_minute" <= 1440 and "start_minute" < "end_minute")
);
--> statement-breakpoint
CREATE TABLE "bans" (
	"organization_id" uuid,
	"volunteer_id" uuid,
	"direction" "ban_direction",
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bans_pkey" PRIMARY KEY("organization_id","volunteer_id","direction")
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"volunteer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"kind" text NOT NULL,
	"issued_on" date,
	"expires_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "days_off" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"volunteer_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "days_off_order" CHECK ("starts_on" <= "ends_on")
);
--> statement-breakpoint
CREATE TABLE "organization_staff" (
	"user_id" uuid PRIMARY KEY,
	"organization_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"association_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" "organization_type" NOT NULL,
	"local_government_code" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"address" text,
	"status" "organization_status" DEFAULT 'applied'::"organization_status" NOT NULL,
	"trusted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"locale" "locale" DEFAULT 'ja'::"locale" NOT NULL,
	"password_hash" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_languages" (
	"volunteer_id" uuid,
	"language_code" text,
	"level" "language_level" NOT NULL,
	"directions" "language_direction"[] NOT NULL,
	CONSTRAINT "volunteer_languages_pkey" PRIMARY KEY("volunteer_id","language_code"),
	CONSTRAINT "volunteer_languages_some_direction" CHECK (cardinality("directions") > 0)
);
--> statement-breakpoint
CREATE TABLE "volunteer_memberships" (
	"volunteer_id" uuid,
	"association_id" uuid,
	"status" "membership_status" DEFAULT 'applied'::"membership_status" NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_memberships_pkey" PRIMARY KEY("volunteer_id","association_id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_regions" (
	"volunteer_id" uuid,
	"local_government_code" text,
	CONSTRAINT "volunteer_regions_pkey" PRIMARY KEY("volunteer_id","local_government_code")
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"user_id" uuid NOT NULL UNIQUE,
	"full_name" text NOT NULL,
	"phone" text,
	"home_local_government_code" text NOT NULL,
	"max_travel_km" integer,
	"remote_capable" boolean DEFAULT false NOT NULL,
	"specialties" "specialty"[] DEFAULT '{}'::"specialty"[] NOT NULL,
	"monthly_cap" smallint,
	"holidays_off" boolean DEFAULT false NOT NULL,
	"status" "volunteer_status" DEFAULT 'applied'::"volunteer_status" NOT NULL,
	"confidentiality_pledge_signed_at" timestamp with time zone,
	"insurance_enrolled_until" date,
	"registration_expires_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteers_monthly_cap_positive" CHECK ("monthly_cap" is null or "monthly_cap" > 0),
	CONSTRAINT "volunteers_max_travel_positive" CHECK ("max_travel_km" is null or "max_travel_km" >= 0)
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"date" date PRIMARY KEY,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "languages" (
	"code" text PRIMARY KEY,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 1000 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "local_governments" (
	"code" text PRIMARY KEY,
	"prefecture_code" text NOT NULL,
	"kind" "local_government_kind" NOT NULL,
	"name_ja" text NOT NULL,
	"name_kana" text NOT NULL,
	"name_en" text,
	"parent_code" text,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"website" text,
	CONSTRAINT "local_governments_code_format" CHECK ("code" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
CREATE INDEX "invitations_email_index" ON "invitations" ("email");--> statement-breakpoint
CREATE INDEX "login_attempts_email_at_index" ON "login_attempts" ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_client_address_at_index" ON "login_attempts" ("client_address","at");--> statement-breakpoint
CREATE INDEX "sessions_user_id_index" ON "sessions" ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_subject_type_subject_id_index" ON "audit_log" ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_user_id_at_index" ON "audit_log" ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_index" ON "audit_log" ("at");--> statement-breakpoint
CREATE INDEX "inbox_messages_user_id_created_at_index" ON "inbox_messages" ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_status_created_at_index" ON "outbox" ("status","created_at");--> statement-breakpoint
CREATE INDEX "outbox_recipient_user_id_index" ON "outbox" ("recipient_user_id");--> statement-breakpoint
CREATE INDEX "association_staff_user_id_index" ON "association_staff" ("user_id");--> statement-breakpoint
CREATE INDEX "availability_windows_volunteer_id_weekday_index" ON "availability_windows" ("volunteer_id","weekday");--> statement-breakpoint
CREATE INDEX "bans_volunteer_id_index" ON "bans" ("volunteer_id");--> statement-breakpoint
CREATE INDEX "certificates_volunteer_id_index" ON "certificates" ("volunteer_id");--> statement-breakpoint
CREATE INDEX "certificates_kind_index" ON "certificates" ("kind");--> statement-breakpoint
CREATE INDEX "days_off_volunteer_id_index" ON "days_off" ("volunteer_id");--> statement-breakpoint
CREATE INDEX "organization_staff_organization_id_index" ON "organization_staff" ("organization_id");--> statement-breakpoint
CREATE INDEX "organizations_association_id_status_index" ON "organizations" ("association_id","status");--> statement-breakpoint
CREATE INDEX "organizations_local_government_code_index" ON "organizations" ("local_government_code");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_idx" ON "users" ("email");--> statement-breakpoint
CREATE INDEX "volunteer_languages_language_code_index" ON "volunteer_languages" ("language_code");--> statement-breakpoint
CREATE INDEX "volunteer_memberships_association_id_index" ON "volunteer_memberships" ("association_id");--> statement-breakpoint
CREATE INDEX "volunteer_regions_local_government_code_index" ON "volunteer_regions" ("local_government_code");--> statement-breakpoint
CREATE INDEX "volunteers_status_index" ON "volunteers" ("status");--> statement-breakpoint
CREATE INDEX "volunteers_home_local_government_code_index" ON "volunteers" ("home_local_government_code");--> statement-breakpoint
CREATE INDEX "local_governments_prefecture_idx" ON "local_governments" ("prefecture_code");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fkey" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_outbox_id_outbox_id_fkey" FOREIGN KEY ("outbox_id") REFERENCES "outbox"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_recipient_user_id_users_id_fkey" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "association_partners" ADD CONSTRAINT "association_partners_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "association_partners" ADD CONSTRAINT "association_partners_partner_id_associations_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "association_staff" ADD CONSTRAINT "association_staff_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "association_staff" ADD CONSTRAINT "association_staff_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_local_government_code_local_governments_code_fkey" FOREIGN KEY ("local_government_code") REFERENCES "local_governments"("code");--> statement-breakpoint
ALTER TABLE "availability_windows" ADD CONSTRAINT "availability_windows_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "bans" ADD CONSTRAINT "bans_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "bans" ADD CONSTRAINT "bans_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "days_off" ADD CONSTRAINT "days_off_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "organization_staff" ADD CONSTRAINT "organization_staff_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "organization_staff" ADD CONSTRAINT "organization_staff_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_local_government_code_local_governments_code_fkey" FOREIGN KEY ("local_government_code") REFERENCES "local_governments"("code");--> statement-breakpoint
ALTER TABLE "volunteer_languages" ADD CONSTRAINT "volunteer_languages_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "volunteer_languages" ADD CONSTRAINT "volunteer_languages_language_code_languages_code_fkey" FOREIGN KEY ("language_code") REFERENCES "languages"("code");--> statement-breakpoint
ALTER TABLE "volunteer_memberships" ADD CONSTRAINT "volunteer_memberships_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "volunteer_memberships" ADD CONSTRAINT "volunteer_memberships_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "volunteer_regions" ADD CONSTRAINT "volunteer_regions_volunteer_id_volunteers_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "volunteer_regions" ADD CONSTRAINT "volunteer_regions_WghRUgWEN1ht_fkey" FOREIGN KEY ("local_government_code") REFERENCES "local_governments"("code");--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_uADUIhuxKOus_fkey" FOREIGN KEY ("home_local_government_code") REFERENCES "local_governments"("code");