CREATE TABLE "instance" (
	"id" integer PRIMARY KEY DEFAULT 1,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seeded_at" timestamp with time zone,
	CONSTRAINT "instance_single_row" CHECK ("id" = 1)
);
