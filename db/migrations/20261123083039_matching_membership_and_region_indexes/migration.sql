DROP INDEX "volunteer_regions_local_government_code_index";--> statement-breakpoint
CREATE INDEX "volunteer_memberships_active_index" ON "volunteer_memberships" ("volunteer_id","association_id") WHERE "status" = 'active';--> statement-breakpoint
CREATE INDEX "volunteer_regions_coverage_index" ON "volunteer_regions" ("local_government_code","volunteer_id");