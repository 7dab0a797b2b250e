-- Rules of the schedule that no race between two coordinators may break, kept by the database.
-- drizzle-kit cannot express exclusion constraints or triggers, so they live in this custom
-- migration (TOOLCHAIN.md).

-- 1. A group is never in two overlapping visits that are not cancelled. The constraint needs the
-- group and the time range on one row, so visit_groups carries copies of its visit's range and
-- state, filled when the row is written and kept in step when the visit changes.
CREATE FUNCTION visit_groups_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT tstzrange(v.starts_at, v.ends_at, '[)'), NOT v.cancelled
    INTO NEW.during, NEW.active
    FROM visits v
   WHERE v.id = NEW.visit_id AND v.tour_id = NEW.tour_id;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER visit_groups_fill BEFORE INSERT OR UPDATE OF visit_id, tour_id, group_id
  ON visit_groups FOR EACH ROW EXECUTE FUNCTION visit_groups_fill();--> statement-breakpoint
CREATE FUNCTION visits_sync_groups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.starts_at IS DISTINCT FROM OLD.starts_at
     OR NEW.ends_at IS DISTINCT FROM OLD.ends_at
     OR NEW.cancelled IS DISTINCT FROM OLD.cancelled THEN
    UPDATE visit_groups
       SET during = tstzrange(NEW.starts_at, NEW.ends_at, '[)'), active = NOT NEW.cancelled
     WHERE visit_id = NEW.id;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER visits_sync_groups AFTER UPDATE ON visits
  FOR EACH ROW EXECUTE FUNCTION visits_sync_groups();--> statement-breakpoint
UPDATE visit_groups vg
   SET during = tstzrange(v.starts_at, v.ends_at, '[)'), active = NOT v.cancelled
  FROM visits v
 WHERE v.id = vg.visit_id;--> statement-breakpoint
ALTER TABLE visit_groups ALTER COLUMN during SET NOT NULL;--> statement-breakpoint
ALTER TABLE visit_groups ADD CONSTRAINT visit_groups_no_overlap
  EXCLUDE USING gist (group_id WITH =, during WITH &&) WHERE (active);--> statement-breakpoint

-- 2. A visit lies within its tour's dates, on the tour's own clock; and a tour's dates may not
-- shrink past a visit. Both raise check_violation (23514) naming the rule.
CREATE FUNCTION visits_within_tour() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  SELECT start_date, end_date, time_zone INTO t FROM tours WHERE id = NEW.tour_id;
  IF NEW.starts_at < (t.start_date::timestamp AT TIME ZONE t.time_zone)
     OR NEW.ends_at > ((t.end_date + 1)::timestamp AT TIME ZONE t.time_zone) THEN
    RAISE EXCEPTION 'visit lies outside its tour''s dates'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'visits_within_tour';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER visits_within_tour BEFORE INSERT OR UPDATE OF starts_at, ends_at, tour_id
  ON visits FOR EACH ROW EXECUTE FUNCTION visits_within_tour();--> statement-breakpoint
CREATE FUNCTION tours_keep_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM visits v
     WHERE v.tour_id = NEW.id
       AND (v.starts_at < (NEW.start_date::timestamp AT TIME ZONE NEW.time_zone)
            OR v.ends_at > ((NEW.end_date + 1)::timestamp AT TIME ZONE NEW.time_zone))
  ) THEN
    RAISE EXCEPTION 'the tour''s dates would leave visits outside them'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tours_keep_visits';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER tours_keep_visits BEFORE UPDATE OF start_date, end_date, time_zone
  ON tours FOR EACH ROW EXECUTE FUNCTION tours_keep_visits();
