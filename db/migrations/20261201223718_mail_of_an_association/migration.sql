ALTER TABLE "caught_emails" ADD COLUMN "association_id" uuid;--> statement-breakpoint
ALTER TABLE "caught_emails" ADD COLUMN "recipient_user_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "association_id" uuid;--> statement-breakpoint
CREATE INDEX "caught_emails_association_id_received_at_index" ON "caught_emails" ("association_id","received_at");--> statement-breakpoint
ALTER TABLE "caught_emails" ADD CONSTRAINT "caught_emails_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "caught_emails" ADD CONSTRAINT "caught_emails_recipient_user_id_users_id_fkey" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_association_id_associations_id_fkey" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE SET NULL;