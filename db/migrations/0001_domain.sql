CREATE TYPE "public"."user_role" AS ENUM('organizer', 'coordinator', 'journalist');--> statement-breakpoint
CREATE TYPE "public"."delegate_role" AS ENUM('journalist', 'photographer', 'editor', 'camera_operator', 'other');--> statement-breakpoint
CREATE TYPE "public"."visit_kind" AS ENUM('site_visit', 'interview', 'forum', 'meal', 'transfer', 'free_time', 'other');--> statement-breakpoint
CREATE TYPE "public"."media_type" AS ENUM('newspaper', 'television', 'radio', 'online', 'magazine', 'news_agency');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"actor_email" text,
	"action" text NOT NULL,
	"tour_id" uuid,
	"target" text,
	"detail" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "tour_staff" (
	"tour_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "tour_staff_tour_id_user_id_pk" PRIMARY KEY("tour_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"tour_id" uuid,
	"delegate_id" uuid,
	"disabled" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delegates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tour_id" uuid NOT NULL,
	"outlet_id" uuid NOT NULL,
	"name_zh" text,
	"name_en" text,
	"passport_name" text NOT NULL,
	"role" "delegate_role" DEFAULT 'journalist' NOT NULL,
	"phone" text,
	"email" text,
	"dietary_needs" text,
	"access_needs" text,
	"emergency_contact_name" text,
	"emergency_contact_phone" text,
	"passport_number" text,
	"nationality" text,
	"date_of_birth" date,
	CONSTRAINT "delegates_tour_id_id_key" UNIQUE("tour_id","id")
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"tour_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	CONSTRAINT "group_members_group_id_delegate_id_pk" PRIMARY KEY("group_id","delegate_id"),
	CONSTRAINT "group_members_tour_delegate_key" UNIQUE("tour_id","delegate_id")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tour_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "groups_tour_code_key" UNIQUE("tour_id","code"),
	CONSTRAINT "groups_tour_id_id_key" UNIQUE("tour_id","id")
);
--> statement-breakpoint
CREATE TABLE "cities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"province_zh" text NOT NULL,
	"province_en" text NOT NULL,
	CONSTRAINT "cities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"region_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "regions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"city_id" uuid NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"address_zh" text,
	"address_en" text,
	"capacity" integer,
	"host_contact_name" text,
	"host_contact_phone" text,
	"host_contact_email" text,
	CONSTRAINT "sites_city_name_key" UNIQUE("city_id","name_en")
);
--> statement-breakpoint
CREATE TABLE "travel_times" (
	"city_a_id" uuid NOT NULL,
	"city_b_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	CONSTRAINT "travel_times_city_a_id_city_b_id_pk" PRIMARY KEY("city_a_id","city_b_id")
);
--> statement-breakpoint
CREATE TABLE "visit_groups" (
	"tour_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	CONSTRAINT "visit_groups_visit_id_group_id_pk" PRIMARY KEY("visit_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tour_id" uuid NOT NULL,
	"kind" "visit_kind" NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"site_id" uuid,
	"city_id" uuid,
	"from_city_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"notes" text,
	"cancelled" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_tour_id_id_key" UNIQUE("tour_id","id"),
	CONSTRAINT "visits_ends_after_start" CHECK ("visits"."ends_at" > "visits"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "coverage_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tour_id" uuid NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "coverage_themes_tour_id_id_key" UNIQUE("tour_id","id")
);
--> statement-breakpoint
CREATE TABLE "outlet_themes" (
	"tour_id" uuid NOT NULL,
	"outlet_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "outlet_themes_outlet_id_theme_id_pk" PRIMARY KEY("outlet_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "outlets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tour_id" uuid NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"country_code" text NOT NULL,
	"media_type" "media_type" NOT NULL,
	"website" text,
	CONSTRAINT "outlets_tour_id_id_key" UNIQUE("tour_id","id")
);
--> statement-breakpoint
CREATE TABLE "tours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tours_name_en_unique" UNIQUE("name_en"),
	CONSTRAINT "tours_dates_ordered" CHECK ("tours"."end_date" >= "tours"."start_date")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_staff" ADD CONSTRAINT "tour_staff_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_staff" ADD CONSTRAINT "tour_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_delegate_fk" FOREIGN KEY ("tour_id","delegate_id") REFERENCES "public"."delegates"("tour_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_nationality_countries_code_fk" FOREIGN KEY ("nationality") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_outlet_fk" FOREIGN KEY ("tour_id","outlet_id") REFERENCES "public"."outlets"("tour_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_fk" FOREIGN KEY ("tour_id","group_id") REFERENCES "public"."groups"("tour_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_delegate_fk" FOREIGN KEY ("tour_id","delegate_id") REFERENCES "public"."delegates"("tour_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_times" ADD CONSTRAINT "travel_times_city_a_id_cities_id_fk" FOREIGN KEY ("city_a_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_times" ADD CONSTRAINT "travel_times_city_b_id_cities_id_fk" FOREIGN KEY ("city_b_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_groups" ADD CONSTRAINT "visit_groups_visit_fk" FOREIGN KEY ("tour_id","visit_id") REFERENCES "public"."visits"("tour_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_groups" ADD CONSTRAINT "visit_groups_group_fk" FOREIGN KEY ("tour_id","group_id") REFERENCES "public"."groups"("tour_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_from_city_id_cities_id_fk" FOREIGN KEY ("from_city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_themes" ADD CONSTRAINT "coverage_themes_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlet_themes" ADD CONSTRAINT "outlet_themes_outlet_fk" FOREIGN KEY ("tour_id","outlet_id") REFERENCES "public"."outlets"("tour_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlet_themes" ADD CONSTRAINT "outlet_themes_theme_fk" FOREIGN KEY ("tour_id","theme_id") REFERENCES "public"."coverage_themes"("tour_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlets" ADD CONSTRAINT "outlets_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlets" ADD CONSTRAINT "outlets_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_tour_idx" ON "audit_log" USING btree ("tour_id","at");--> statement-breakpoint
CREATE INDEX "tour_staff_user_idx" ON "tour_staff" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_delegate_key" ON "users" USING btree ("delegate_id");--> statement-breakpoint
CREATE INDEX "delegates_tour_outlet_idx" ON "delegates" USING btree ("tour_id","outlet_id");--> statement-breakpoint
CREATE INDEX "delegates_outlet_idx" ON "delegates" USING btree ("outlet_id");--> statement-breakpoint
CREATE INDEX "group_members_delegate_idx" ON "group_members" USING btree ("delegate_id");--> statement-breakpoint
CREATE INDEX "countries_region_idx" ON "countries" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "sites_city_idx" ON "sites" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "visit_groups_group_idx" ON "visit_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "visits_tour_starts_idx" ON "visits" USING btree ("tour_id","starts_at");--> statement-breakpoint
CREATE INDEX "visits_site_idx" ON "visits" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "outlet_themes_theme_idx" ON "outlet_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "outlet_themes_tour_idx" ON "outlet_themes" USING btree ("tour_id");--> statement-breakpoint
CREATE INDEX "outlets_tour_idx" ON "outlets" USING btree ("tour_id","name_en");--> statement-breakpoint
CREATE INDEX "outlets_country_idx" ON "outlets" USING btree ("country_code");