ALTER TABLE "individual_numbers" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "payout_settings" ADD COLUMN "payer_address" text;--> statement-breakpoint
ALTER TABLE "payout_settings" ADD COLUMN "payer_phone" text;--> statement-breakpoint
ALTER TABLE "payout_settings" ADD COLUMN "corporate_number" text;