-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 4: what the activity summary reads, in index order.
-- A year of a large site is read from these indexes alone, so that the
-- figures of a year take a fraction of a second (tests/bench/README.md).

-- The day's list reads (day, time) as before; the report reads the other
-- columns from the index without going to the table.
DROP INDEX visit_day;
CREATE INDEX visit_day ON visit (day, time, person_id, referral_id,
                                 anon_commune_id, anon_gender, anon_age);

-- A visit's reasons carry its day (which never changes after the visit
-- is logged), so that visits by reason over a period are one range.
CREATE TABLE visit_reason_new (
  visit_id   INTEGER NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
  reason_id  INTEGER NOT NULL REFERENCES reason (id),
  day        TEXT NOT NULL,
  PRIMARY KEY (visit_id, reason_id)
) WITHOUT ROWID;
INSERT INTO visit_reason_new (visit_id, reason_id, day)
  SELECT vr.visit_id, vr.reason_id, v.day
  FROM visit_reason vr JOIN visit v ON v.id = vr.visit_id;
DROP TABLE visit_reason;
ALTER TABLE visit_reason_new RENAME TO visit_reason;
CREATE INDEX visit_reason_reason ON visit_reason (reason_id);
CREATE INDEX visit_reason_day ON visit_reason (day, reason_id);

-- New households of a period
CREATE INDEX household_created_on ON household (created_on);

-- Visits counted by day, kept by triggers as visits are logged, changed
-- and deleted: the activity summary sums a few rows a day instead of
-- reading every visit. dimension: 'all' (key ''), 'identified' (''),
-- 'hour' ('09'), 'reason' (reason id), 'partner' (partner id), and for
-- anonymous visits 'anon-commune' (commune id, or '' when not stated),
-- 'anon-gender' and 'anon-age' (the code, or ''). A row whose count
-- falls to 0 stays.
CREATE TABLE visit_day_count (
  day        TEXT NOT NULL,
  dimension  TEXT NOT NULL,
  key        NOT NULL,
  visits     INTEGER NOT NULL,
  PRIMARY KEY (day, dimension, key)
) WITHOUT ROWID;

-- The visits of each person in each calendar year: the persons who came
-- in a year, with their number of visits, without sorting the year's
-- visits by person
CREATE TABLE person_year (
  year       INTEGER NOT NULL,
  person_id  INTEGER NOT NULL,
  visits     INTEGER NOT NULL,
  PRIMARY KEY (year, person_id)
) WITHOUT ROWID;

-- Persons and households as the report reads them, by id
CREATE INDEX person_report ON person (id, household_id, gender, birth_date);
CREATE INDEX household_report ON household (id, commune_id);

INSERT INTO visit_day_count SELECT day, 'all', '', count (*) FROM visit GROUP BY day;
INSERT INTO visit_day_count SELECT day, 'identified', '', count (*) FROM visit
  WHERE person_id IS NOT NULL GROUP BY day;
INSERT INTO visit_day_count SELECT day, 'hour', substr (time, 1, 2), count (*) FROM visit GROUP BY 1, 3;
INSERT INTO visit_day_count SELECT day, 'reason', reason_id, count (*) FROM visit_reason GROUP BY 1, 3;
INSERT INTO visit_day_count SELECT day, 'partner', referral_id, count (*) FROM visit
  WHERE referral_id IS NOT NULL GROUP BY 1, 3;
INSERT INTO visit_day_count SELECT day, 'anon-commune', coalesce (anon_commune_id, ''), count (*) FROM visit
  WHERE person_id IS NULL GROUP BY 1, 3;
INSERT INTO visit_day_count SELECT day, 'anon-gender', coalesce (anon_gender, ''), count (*) FROM visit
  WHERE person_id IS NULL GROUP BY 1, 3;
INSERT INTO visit_day_count SELECT day, 'anon-age', coalesce (anon_age, ''), count (*) FROM visit
  WHERE person_id IS NULL GROUP BY 1, 3;
INSERT INTO person_year SELECT CAST (substr (day, 1, 4) AS INTEGER), person_id, count (*) FROM visit
  WHERE person_id IS NOT NULL GROUP BY 1, 2;

-- A visit counted in (+1) or out (-1). SQLite 3.15 has no UPSERT: the row
-- is made at 0 first, then counted.
CREATE TRIGGER visit_counted_in AFTER INSERT ON visit
BEGIN
  INSERT OR IGNORE INTO visit_day_count VALUES (NEW.day, 'all', '', 0);
  UPDATE visit_day_count SET visits = visits + 1 WHERE day = NEW.day AND dimension = 'all' AND key = '';
  INSERT OR IGNORE INTO visit_day_count VALUES (NEW.day, 'hour', substr (NEW.time, 1, 2), 0);
  UPDATE visit_day_count SET visits = visits + 1
    WHERE day = NEW.day AND dimension = 'hour' AND key = substr (NEW.time, 1, 2);
  INSERT OR IGNORE INTO visit_day_count SELECT NEW.day, 'identified', '', 0 WHERE NEW.person_id IS NOT NULL;
  UPDATE visit_day_count SET visits = visits + 1
    WHERE NEW.person_id IS NOT NULL AND day = NEW.day AND dimension = 'identified' AND key = '';
  INSERT OR IGNORE INTO person_year SELECT CAST (substr (NEW.day, 1, 4) AS INTEGER), NEW.person_id, 0
    WHERE NEW.person_id IS NOT NULL;
  UPDATE person_year SET visits = visits + 1
    WHERE NEW.person_id IS NOT NULL AND year = CAST (substr (NEW.day, 1, 4) AS INTEGER) AND person_id = NEW.person_id;
  INSERT OR IGNORE INTO visit_day_count SELECT NEW.day, 'partner', NEW.referral_id, 0
    WHERE NEW.referral_id IS NOT NULL;
  UPDATE visit_day_count SET visits = visits + 1
    WHERE NEW.referral_id IS NOT NULL AND day = NEW.day AND dimension = 'partner' AND key = NEW.referral_id;
  INSERT OR IGNORE INTO visit_day_count
    SELECT NEW.day, 'anon-commune', coalesce (NEW.anon_commune_id, ''), 0 WHERE NEW.person_id IS NULL
    UNION ALL SELECT NEW.day, 'anon-gender', coalesce (NEW.anon_gender, ''), 0 WHERE NEW.person_id IS NULL
    UNION ALL SELECT NEW.day, 'anon-age', coalesce (NEW.anon_age, ''), 0 WHERE NEW.person_id IS NULL;
  UPDATE visit_day_count SET visits = visits + 1
    WHERE NEW.person_id IS NULL AND day = NEW.day
      AND ((dimension = 'anon-commune' AND key = coalesce (NEW.anon_commune_id, ''))
        OR (dimension = 'anon-gender' AND key = coalesce (NEW.anon_gender, ''))
        OR (dimension = 'anon-age' AND key = coalesce (NEW.anon_age, '')));
END;

CREATE TRIGGER visit_counted_out AFTER DELETE ON visit
BEGIN
  UPDATE visit_day_count SET visits = visits - 1
    WHERE day = OLD.day
      AND ((dimension = 'all' AND key = '')
        OR (dimension = 'hour' AND key = substr (OLD.time, 1, 2))
        OR (OLD.person_id IS NOT NULL AND dimension = 'identified' AND key = '')
        OR (OLD.referral_id IS NOT NULL AND dimension = 'partner' AND key = OLD.referral_id)
        OR (OLD.person_id IS NULL AND dimension = 'anon-commune' AND key = coalesce (OLD.anon_commune_id, ''))
        OR (OLD.person_id IS NULL AND dimension = 'anon-gender' AND key = coalesce (OLD.anon_gender, ''))
        OR (OLD.person_id IS NULL AND dimension = 'anon-age' AND key = coalesce (OLD.anon_age, '')));
  UPDATE person_year SET visits = visits - 1
    WHERE OLD.person_id IS NOT NULL AND year = CAST (substr (OLD.day, 1, 4) AS INTEGER)
      AND person_id = OLD.person_id;
END;

-- A change counts the old visit out and the new one in
CREATE TRIGGER visit_recounted AFTER UPDATE OF day, time, person_id, referral_id, anon_commune_id,
                                               anon_gender, anon_age ON visit
BEGIN
  UPDATE visit_day_count SET visits = visits - 1
    WHERE day = OLD.day
      AND ((dimension = 'all' AND key = '')
        OR (dimension = 'hour' AND key = substr (OLD.time, 1, 2))
        OR (OLD.person_id IS NOT NULL AND dimension = 'identified' AND key = '')
        OR (OLD.referral_id IS NOT NULL AND dimension = 'partner' AND key = OLD.referral_id)
        OR (OLD.person_id IS NULL AND dimension = 'anon-commune' AND key = coalesce (OLD.anon_commune_id, ''))
        OR (OLD.person_id IS NULL AND dimension = 'anon-gender' AND key = coalesce (OLD.anon_gender, ''))
        OR (OLD.person_id IS NULL AND dimension = 'anon-age' AND key = coalesce (OLD.anon_age, '')));
  UPDATE person_year SET visits = visits - 1
    WHERE OLD.person_id IS NOT NULL AND year = CAST (substr (OLD.day, 1, 4) AS INTEGER)
      AND person_id = OLD.person_id;
  INSERT OR IGNORE INTO visit_day_count VALUES (NEW.day, 'all', '', 0);
  INSERT OR IGNORE INTO visit_day_count VALUES (NEW.day, 'hour', substr (NEW.time, 1, 2), 0);
  INSERT OR IGNORE INTO visit_day_count SELECT NEW.day, 'identified', '', 0 WHERE NEW.person_id IS NOT NULL;
  INSERT OR IGNORE INTO visit_day_count SELECT NEW.day, 'partner', NEW.referral_id, 0
    WHERE NEW.referral_id IS NOT NULL;
  INSERT OR IGNORE INTO visit_day_count
    SELECT NEW.day, 'anon-commune', coalesce (NEW.anon_commune_id, ''), 0 WHERE NEW.person_id IS NULL
    UNION ALL SELECT NEW.day, 'anon-gender', coalesce (NEW.anon_gender, ''), 0 WHERE NEW.person_id IS NULL
    UNION ALL SELECT NEW.day, 'anon-age', coalesce (NEW.anon_age, ''), 0 WHERE NEW.person_id IS NULL;
  UPDATE visit_day_count SET visits = visits + 1
    WHERE day = NEW.day
      AND ((dimension = 'all' AND key = '')
        OR (dimension = 'hour' AND key = substr (NEW.time, 1, 2))
        OR (NEW.person_id IS NOT NULL AND dimension = 'identified' AND key = '')
        OR (NEW.referral_id IS NOT NULL AND dimension = 'partner' AND key = NEW.referral_id)
        OR (NEW.person_id IS NULL AND dimension = 'anon-commune' AND key = coalesce (NEW.anon_commune_id, ''))
        OR (NEW.person_id IS NULL AND dimension = 'anon-gender' AND key = coalesce (NEW.anon_gender, ''))
        OR (NEW.person_id IS NULL AND dimension = 'anon-age' AND key = coalesce (NEW.anon_age, '')));
  INSERT OR IGNORE INTO person_year SELECT CAST (substr (NEW.day, 1, 4) AS INTEGER), NEW.person_id, 0
    WHERE NEW.person_id IS NOT NULL;
  UPDATE person_year SET visits = visits + 1
    WHERE NEW.person_id IS NOT NULL AND year = CAST (substr (NEW.day, 1, 4) AS INTEGER) AND person_id = NEW.person_id;
END;

CREATE TRIGGER visit_reason_counted_in AFTER INSERT ON visit_reason
BEGIN
  INSERT OR IGNORE INTO visit_day_count VALUES (NEW.day, 'reason', NEW.reason_id, 0);
  UPDATE visit_day_count SET visits = visits + 1
    WHERE day = NEW.day AND dimension = 'reason' AND key = NEW.reason_id;
END;

CREATE TRIGGER visit_reason_counted_out AFTER DELETE ON visit_reason
BEGIN
  UPDATE visit_day_count SET visits = visits - 1
    WHERE day = OLD.day AND dimension = 'reason' AND key = OLD.reason_id;
END;
