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
