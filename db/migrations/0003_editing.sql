CREATE TYPE "public"."sex" AS ENUM('female', 'male', 'other');--> statement-breakpoint
CREATE TYPE "public"."transport_mode" AS ENUM('coach', 'train', 'flight', 'car', 'boat', 'walk', 'other');--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_mappings_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "site_closures" (
	"site_id" uuid NOT NULL,
	"date" date NOT NULL,
	"note" text,
	CONSTRAINT "site_closures_site_id_date_pk" PRIMARY KEY("site_id","date")
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_tour_id_tours_id_fk";
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_delegate_fk";
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "last_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "feed_token_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "itinerary_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "itinerary_prev_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "sex" "sex";--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "press_card" text;--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "arrives_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "departs_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "passport_number_enc" text;--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "passport_expiry" date;--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "seat" text;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "vehicle" text;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "opens_at" time;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "closes_at" time;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "closed_weekdays" smallint[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "visit_groups" ADD COLUMN "during" "tstzrange";--> statement-breakpoint
ALTER TABLE "visit_groups" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "notes_zh" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "notes_en" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "transport_mode" "transport_mode";--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "vehicle" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "host_contact_name" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "host_contact_phone" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "escort_name" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "escort_phone" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "transfer_buffer_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "max_day_minutes" integer DEFAULT 720 NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "min_rest_minutes" integer DEFAULT 600 NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "lunch_start" time DEFAULT '11:30' NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "lunch_end" time DEFAULT '14:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "dinner_start" time DEFAULT '17:30' NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "dinner_end" time DEFAULT '21:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "max_themes_per_outlet" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_closures" ADD CONSTRAINT "site_closures_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_sessions_user_idx" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_delegate_fk" FOREIGN KEY ("tour_id","delegate_id") REFERENCES "public"."delegates"("tour_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target","at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_feed_token_key" ON "users" USING btree ("feed_token_hash");--> statement-breakpoint
CREATE INDEX "delegates_tour_name_idx" ON "delegates" USING btree ("tour_id","passport_name");--> statement-breakpoint
CREATE INDEX "visit_groups_tour_idx" ON "visit_groups" USING btree ("tour_id");--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "session_version";--> statement-breakpoint
-- Plain numbers move over as they are; the app encrypts every value without the "v1." prefix
-- when it starts (db/upkeep.ts), before it serves.
UPDATE "delegates" SET "passport_number_enc" = "passport_number" WHERE "passport_number" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "delegates" DROP COLUMN "passport_number";--> statement-breakpoint
-- Notes were one "English / 中文" string: keep each half in its own language.
UPDATE "visits" SET
  "notes_en" = CASE WHEN position(' / ' in "notes") > 0 THEN split_part("notes", ' / ', 1) ELSE "notes" END,
  "notes_zh" = CASE WHEN position(' / ' in "notes") > 0 THEN substr("notes", position(' / ' in "notes") + 3) END
WHERE "notes" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" DROP COLUMN "notes";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_journalist_link" CHECK (("users"."role" = 'journalist') = ("users"."tour_id" is not null and "users"."delegate_id" is not null) and ("users"."tour_id" is null) = ("users"."delegate_id" is null));--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_settings_sane" CHECK ("tours"."transfer_buffer_minutes" between 0 and 600 and "tours"."max_day_minutes" between 60 and 1440 and "tours"."min_rest_minutes" between 0 and 1440 and "tours"."max_themes_per_outlet" between 1 and 50 and "tours"."lunch_end" > "tours"."lunch_start" and "tours"."dinner_end" > "tours"."dinner_start");