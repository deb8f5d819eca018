CREATE TYPE "cancellation_party" AS ENUM('requester', 'coordinator');--> statement-breakpoint
CREATE TYPE "cancellation_reason" AS ENUM('no_longer_needed', 'date_changed', 'found_another_interpreter', 'client_did_not_come', 'other');--> statement-breakpoint
CREATE TYPE "withdrawal_reason" AS ENUM('illness', 'schedule_conflict', 'family', 'transport', 'other');--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "release_cause" "cancellation_reason";--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "release_note" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "withdrawal_reason" "withdrawal_reason";--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "withdrawal_note" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "cancelled_by" "cancellation_party";--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "cancellation_reason" "cancellation_reason";--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "cancellation_note" text;