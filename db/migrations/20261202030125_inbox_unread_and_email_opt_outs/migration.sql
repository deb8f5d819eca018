ALTER TYPE "outbox_status" ADD VALUE 'withheld';--> statement-breakpoint
CREATE TABLE "email_opt_outs" (
	"user_id" uuid,
	"topic" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_opt_outs_pkey" PRIMARY KEY("user_id","topic")
);
--> statement-breakpoint
CREATE INDEX "inbox_messages_unread_idx" ON "inbox_messages" ("user_id") WHERE "read_at" is null;--> statement-breakpoint
ALTER TABLE "email_opt_outs" ADD CONSTRAINT "email_opt_outs_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;