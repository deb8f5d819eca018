ALTER TABLE "assignments" ALTER COLUMN "busy_from" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ALTER COLUMN "busy_until" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_busy_whole" CHECK (("busy_from" is null) = ("busy_until" is null));