CREATE TYPE "partnership_status" AS ENUM('proposed', 'accepted');--> statement-breakpoint
ALTER TABLE "association_partners" ADD COLUMN "status" "partnership_status" DEFAULT 'proposed'::"partnership_status" NOT NULL;--> statement-breakpoint
ALTER TABLE "association_partners" ADD COLUMN "proposed_by" uuid;--> statement-breakpoint
ALTER TABLE "association_partners" ADD COLUMN "proposed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "association_partners" ADD COLUMN "accepted_by" uuid;--> statement-breakpoint
ALTER TABLE "association_partners" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "association_partners_partner_id_index" ON "association_partners" ("partner_id");--> statement-breakpoint
ALTER TABLE "association_partners" ADD CONSTRAINT "association_partners_proposed_by_users_id_fkey" FOREIGN KEY ("proposed_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "association_partners" ADD CONSTRAINT "association_partners_accepted_by_users_id_fkey" FOREIGN KEY ("accepted_by") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "association_partners" ADD CONSTRAINT "association_partners_accepted_when" CHECK (("status" = 'accepted') = ("accepted_at" is not null));