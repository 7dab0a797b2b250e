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
-- The same three triggers on each tour table (the column that names the tour after the colon),
-- and one on each table of reference data all tours share.
DO $$
DECLARE
  spec text;
  tbl text;
  col text;
BEGIN
  FOREACH spec IN ARRAY ARRAY['tours:id', 'outlets:tour_id', 'coverage_themes:tour_id',
    'outlet_themes:tour_id', 'delegates:tour_id', 'groups:tour_id', 'group_members:tour_id',
    'visits:tour_id', 'visit_groups:tour_id']
  LOOP
    tbl := split_part(spec, ':', 1);
    col := split_part(spec, ':', 2);
    EXECUTE format('CREATE TRIGGER %1$I AFTER INSERT ON %2$I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify(%3$L)', tbl || '_data_inserted', tbl, col);
    EXECUTE format('CREATE TRIGGER %1$I AFTER UPDATE ON %2$I
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify(%3$L)', tbl || '_data_updated', tbl, col);
    EXECUTE format('CREATE TRIGGER %1$I AFTER DELETE ON %2$I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify(%3$L)', tbl || '_data_deleted', tbl, col);
  END LOOP;
  FOREACH tbl IN ARRAY ARRAY['regions', 'countries', 'cities', 'travel_times', 'sites',
    'site_closures']
  LOOP
    EXECUTE format('CREATE TRIGGER %1$I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %2$I
      FOR EACH STATEMENT EXECUTE FUNCTION tour_data_notify(%3$L)', tbl || '_data_changed', tbl, '*');
  END LOOP;
END;
$$;
