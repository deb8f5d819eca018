ALTER TABLE "payout_runs" DROP CONSTRAINT "payout_runs_reverses_run_id_key";--> statement-breakpoint
ALTER TABLE "payout_run_lines" ADD COLUMN "reversed_by_run_id" uuid;--> statement-breakpoint
ALTER TABLE "payout_run_lines" ADD COLUMN "reversed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD COLUMN "reason" text;--> statement-breakpoint
DROP INDEX "payout_run_lines_once";--> statement-breakpoint
CREATE UNIQUE INDEX "payout_run_lines_once" ON "payout_run_lines" ("line_id") WHERE not "reversed";--> statement-breakpoint
CREATE INDEX "payout_run_lines_reversed_by_run_id_index" ON "payout_run_lines" ("reversed_by_run_id");--> statement-breakpoint
CREATE INDEX "payout_runs_reverses_run_id_index" ON "payout_runs" ("reverses_run_id");--> statement-breakpoint
ALTER TABLE "payout_run_lines" ADD CONSTRAINT "payout_run_lines_reversed_by_run_id_payout_runs_id_fkey" FOREIGN KEY ("reversed_by_run_id") REFERENCES "payout_runs"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_reverses_run_id_payout_runs_id_fkey" FOREIGN KEY ("reverses_run_id") REFERENCES "payout_runs"("id");--> statement-breakpoint
ALTER TABLE "payout_run_lines" ADD CONSTRAINT "payout_run_lines_reversed" CHECK (not "reversed" or "reversed_by_run_id" is not null);--> statement-breakpoint
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_correction" CHECK (("reverses_run_id" is null) = ("reason" is null));