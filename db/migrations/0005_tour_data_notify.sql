-- Every change to a tour's data NOTIFYs `tour_data` with the tour's id once per statement, after
-- the statement, delivered when its transaction commits (and not at all if it rolls back). The
-- app keeps reads of a tour in memory until such a change (lib/dal/tour-cache.ts); the
-- notification reaches every app instance on the database, and catches every writer: actions,
-- imports, seeds and scripts alike. Reference data shared by all tours (regions, countries,
-- cities, travel times, sites) notifies '*'. Statement triggers with transition tables: a bulk
-- import of 5,000 rows is one notification, not 5,000.
-- The tours a transaction changed are also kept in the transaction-local setting
-- tourdesk.changed_tours (space-separated, each once), which the app reads just before it
-- commits: the process that wrote drops its own reads at once, before the NOTIFY comes round.
CREATE FUNCTION tour_data_changed(tour text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  so_far text := coalesce(current_setting('tourdesk.changed_tours', true), '');
BEGIN
  PERFORM pg_notify('tour_data', tour);
  IF position(tour IN so_far) = 0 THEN
    PERFORM set_config('tourdesk.changed_tours', ltrim(so_far || ' ' || tour), true);
  END IF;
END;
$$;--> statement-breakpoint
CREATE FUNCTION tour_data_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid;
BEGIN
  IF TG_ARGV[0] = '*' THEN
    PERFORM tour_data_changed('*');
    RETURN NULL;
  END IF;
  FOR changed IN EXECUTE format(
    CASE TG_OP
      WHEN 'INSERT' THEN 'SELECT DISTINCT %1$I FROM new_rows'
      WHEN 'DELETE' THEN 'SELECT DISTINCT %1$I FROM old_rows'
      ELSE 'SELECT %1$I FROM new_rows UNION SELECT %1$I FROM old_rows'
    END, TG_ARGV[0])
  LOOP
    PERFORM tour_data_changed(changed::text);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tours_data_inserted AFTER INSERT ON tours REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('id');
--> statement-breakpoint
CREATE TRIGGER tours_data_updated AFTER UPDATE ON tours
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('id');
--> statement-breakpoint
CREATE TRIGGER tours_data_deleted AFTER DELETE ON tours REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('id');
--> statement-breakpoint
CREATE TRIGGER outlets_data_inserted AFTER INSERT ON outlets REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER outlets_data_updated AFTER UPDATE ON outlets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER outlets_data_deleted AFTER DELETE ON outlets REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER coverage_themes_data_inserted AFTER INSERT ON coverage_themes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER coverage_themes_data_updated AFTER UPDATE ON coverage_themes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER coverage_themes_data_deleted AFTER DELETE ON coverage_themes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER outlet_themes_data_inserted AFTER INSERT ON outlet_themes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER outlet_themes_data_updated AFTER UPDATE ON outlet_themes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER outlet_themes_data_deleted AFTER DELETE ON outlet_themes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER delegates_data_inserted AFTER INSERT ON delegates REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER delegates_data_updated AFTER UPDATE ON delegates
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER delegates_data_deleted AFTER DELETE ON delegates REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER groups_data_inserted AFTER INSERT ON groups REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER groups_data_updated AFTER UPDATE ON groups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER groups_data_deleted AFTER DELETE ON groups REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER group_members_data_inserted AFTER INSERT ON group_members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER group_members_data_updated AFTER UPDATE ON group_members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER group_members_data_deleted AFTER DELETE ON group_members REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER visits_data_inserted AFTER INSERT ON visits REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER visits_data_updated AFTER UPDATE ON visits
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER visits_data_deleted AFTER DELETE ON visits REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER visit_groups_data_inserted AFTER INSERT ON visit_groups REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER visit_groups_data_updated AFTER UPDATE ON visit_groups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER visit_groups_data_deleted AFTER DELETE ON visit_groups REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('tour_id');
--> statement-breakpoint
CREATE TRIGGER regions_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('*');
--> statement-breakpoint
CREATE TRIGGER countries_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON countries
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('*');
--> statement-breakpoint
CREATE TRIGGER cities_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cities
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('*');
--> statement-breakpoint
CREATE TRIGGER travel_times_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON travel_times
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('*');
--> statement-breakpoint
CREATE TRIGGER sites_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sites
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('*');
--> statement-breakpoint
CREATE TRIGGER site_closures_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_closures
  FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify('*');
