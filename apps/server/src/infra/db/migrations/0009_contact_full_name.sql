DROP INDEX "contacts_name_trgm_idx";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "full_name" text GENERATED ALWAYS AS ("contacts"."first_name" || ' ' || "contacts"."last_name") STORED;--> statement-breakpoint
CREATE INDEX "contacts_full_name_trgm_idx" ON "contacts" USING gin ("full_name" gin_trgm_ops);