-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 5: food aid, and the goods ledger it starts.
-- Money is integer cents, weights integer grams, rates basis points
-- (2000 = 20 %), civil days YYYY-MM-DD, instants UTC Unix seconds.

-- What the indicators need of households and persons. The housing
-- situation is an ordinary household field; disability, nationality and
-- background are sensitive and stay NULL ("not recorded") unless a
-- coordinator turns their flag on (settings below).
ALTER TABLE household ADD COLUMN housing TEXT
  CHECK (housing IN ('housed', 'precarious', 'homeless'));   -- NULL: not stated
ALTER TABLE person ADD COLUMN disability INTEGER CHECK (disability IN (0, 1));
ALTER TABLE person ADD COLUMN third_country INTEGER CHECK (third_country IN (0, 1));
ALTER TABLE person ADD COLUMN foreign_background INTEGER CHECK (foreign_background IN (0, 1));

INSERT INTO setting (key, value) VALUES
  ('food-right-single-cents', '2000'),     -- grocery right a month: one adult
  ('food-right-couple-cents', '3000'),     -- two adults or more
  ('food-right-child-cents', '500'),       -- and for each child under 18
  ('food-rate-bp', '2000'),                -- participation, default 20 %
  ('food-scale', 'default'),               -- reste à vivre: 'default' or 'oecd'
  ('food-threshold-cents', '800'),         -- per share per day
  ('record-disability', '0'),
  ('record-third-country', '0'),
  ('record-foreign-background', '0');

-- The one category tree of goods (DESIGN.md, the goods ledger). Default
-- entries carry a code, as the other catalogues do. Food aid uses the
-- kinds 'food' and 'hygiene'; the vestiaire and the ressourcerie add theirs.
CREATE TABLE goods_category (
  id               INTEGER PRIMARY KEY,
  code             TEXT UNIQUE,
  label            TEXT CHECK (label IS NULL OR length(label) > 0),
  position         INTEGER NOT NULL,
  hidden           INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  kind             TEXT NOT NULL CHECK (kind IN ('food', 'hygiene', 'textile', 'furniture',
                                                 'appliance', 'other')),
  parent_id        INTEGER REFERENCES goods_category (id),
  grams_per_piece  INTEGER CHECK (grams_per_piece IS NULL OR grams_per_piece > 0),
  CHECK (code IS NOT NULL OR label IS NOT NULL)
);
-- The weight of a piece (a pack, a tin, a bottle) estimates the kilos of
-- what is counted by the piece, marked as estimated; sites may change it.
INSERT INTO goods_category (code, position, kind, grams_per_piece) VALUES
  ('fruit-vegetables', 1, 'food', 1000), ('starchy', 2, 'food', 500), ('dairy', 3, 'food', 500),
  ('meat-fish-eggs', 4, 'food', 400), ('fats', 5, 'food', 250), ('sweet-salty', 6, 'food', 300),
  ('drinks', 7, 'food', 1000), ('baby-food', 8, 'food', 250), ('hygiene', 9, 'hygiene', 400);

-- Where goods are kept
CREATE TABLE goods_place (
  id        INTEGER PRIMARY KEY,
  code      TEXT UNIQUE,
  label     TEXT CHECK (label IS NULL OR length(label) > 0),
  position  INTEGER NOT NULL,
  hidden    INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  CHECK (code IS NOT NULL OR label IS NOT NULL)
);
INSERT INTO goods_place (code, position) VALUES ('food-store', 1);

-- Access to food aid (orientation), on a household. A renewal is a new
-- record that follows the last one; records are never rewritten.
-- Frequency: `times` services a `period` (once a week = 1/week, twice a
-- month = 2/month). right_cents: what the household may spend at the
-- grocery in a month (its participation), NULL for parcels only.
CREATE TABLE food_access (
  id            INTEGER PRIMARY KEY,
  household_id  INTEGER NOT NULL REFERENCES household (id),
  follows_id    INTEGER UNIQUE REFERENCES food_access (id),
  partner_id    INTEGER REFERENCES referral_partner (id),
  worker        TEXT,
  start_day     TEXT NOT NULL,
  end_day       TEXT NOT NULL CHECK (end_day >= start_day),
  mode          TEXT NOT NULL CHECK (mode IN ('parcel', 'grocery', 'both')),
  times         INTEGER NOT NULL CHECK (times BETWEEN 1 AND 31),
  period        TEXT NOT NULL CHECK (period IN ('week', 'month')),
  right_cents   INTEGER CHECK (right_cents >= 0),
  right_by_hand INTEGER NOT NULL DEFAULT 0 CHECK (right_by_hand IN (0, 1)),
  rate_bp       INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
  created_by    INTEGER REFERENCES desk_person (id),
  created_at    INTEGER NOT NULL
);
CREATE INDEX food_access_household ON food_access (household_id, end_day);
-- Access opened, renewed and expired in a period, read from these
-- indexes alone (acu-report-food.c)
CREATE INDEX food_access_start ON food_access (start_day, follows_id, household_id);
CREATE INDEX food_access_end ON food_access (end_day, household_id);

-- The reste-à-vivre lines of a household (resources and fixed charges),
-- sealed with the confidential key as confidential notes are. The last
-- row of a household is its current budget.
CREATE TABLE food_budget (
  id            INTEGER PRIMARY KEY,
  household_id  INTEGER NOT NULL REFERENCES household (id),
  nonce         BLOB NOT NULL,
  ciphertext    BLOB NOT NULL,
  written_by    INTEGER REFERENCES desk_person (id),
  written_at    INTEGER NOT NULL
);
CREATE INDEX food_budget_household ON food_budget (household_id, id);

-- The labels of those lines: a small editable list
CREATE TABLE budget_label (
  id        INTEGER PRIMARY KEY,
  code      TEXT UNIQUE,
  label     TEXT CHECK (label IS NULL OR length(label) > 0),
  position  INTEGER NOT NULL,
  hidden    INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  kind      TEXT NOT NULL CHECK (kind IN ('resource', 'charge')),
  CHECK (code IS NOT NULL OR label IS NOT NULL)
);
INSERT INTO budget_label (code, position, kind) VALUES
  ('wages', 1, 'resource'), ('rsa', 2, 'resource'), ('caf', 3, 'resource'),
  ('pension', 4, 'resource'), ('unemployment', 5, 'resource'),
  ('other-resource', 6, 'resource'),
  ('rent', 7, 'charge'), ('energy', 8, 'charge'), ('insurance', 9, 'charge'),
  ('loans', 10, 'charge'), ('water', 11, 'charge'), ('other-charge', 12, 'charge');

-- Distribution days: weekly rules, and days that are opened from a rule,
-- added one-off, or closed (a closure of a rule's day is a row with
-- closed = 1).
CREATE TABLE food_rule (
  id          INTEGER PRIMARY KEY,
  weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- 1 Monday
  start_time  TEXT NOT NULL,
  end_time    TEXT NOT NULL CHECK (end_time > start_time),
  mode        TEXT NOT NULL CHECK (mode IN ('parcel', 'grocery')),
  from_day    TEXT NOT NULL,
  until_day   TEXT CHECK (until_day IS NULL OR until_day >= from_day),
  created_at  INTEGER NOT NULL
);

CREATE TABLE food_day (
  id          INTEGER PRIMARY KEY,
  day         TEXT NOT NULL,
  start_time  TEXT NOT NULL,
  end_time    TEXT NOT NULL CHECK (end_time > start_time),
  mode        TEXT NOT NULL CHECK (mode IN ('parcel', 'grocery')),
  rule_id     INTEGER REFERENCES food_rule (id),
  closed      INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
  UNIQUE (day, mode)
);

-- A household served: with the visit it came with, and a snapshot of the
-- household that day (the indicators count what was true then).
-- disabled, third_country, foreign_background: NULL when not recorded.
CREATE TABLE food_service (
  id                 INTEGER PRIMARY KEY,
  day                TEXT NOT NULL,
  household_id       INTEGER NOT NULL REFERENCES household (id),
  mode               TEXT NOT NULL CHECK (mode IN ('parcel', 'grocery')),
  food_day_id        INTEGER REFERENCES food_day (id),
  access_id          INTEGER REFERENCES food_access (id),
  visit_id           INTEGER REFERENCES visit (id) ON DELETE SET NULL,
  persons            INTEGER NOT NULL CHECK (persons > 0),
  value_cents        INTEGER CHECK (value_cents >= 0),
  shelf_cents        INTEGER NOT NULL DEFAULT 0 CHECK (shelf_cents >= 0),
  paid_cents         INTEGER NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
  override_reason    TEXT,                -- staff served despite a warning
  cancelled          INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  served_by          INTEGER REFERENCES desk_person (id),
  created_at         INTEGER NOT NULL
);
CREATE INDEX food_service_household ON food_service (household_id, day);
-- The day's index holds every column a period's figures read, so that a
-- month's services are read from the index alone (acu-report-food.c)
CREATE INDEX food_service_day ON food_service (day, household_id, persons, paid_cents, cancelled, mode,
                                               value_cents);

-- The persons of a household served, as they were that day
CREATE TABLE food_service_person (
  service_id          INTEGER NOT NULL REFERENCES food_service (id),
  person_id           INTEGER NOT NULL,
  day                 TEXT NOT NULL,
  age                 TEXT NOT NULL CHECK (age IN ('', '0-3', '4-14', '15-17', '18-29', '30-54',
                                                   '55-64', '65+')),
  gender              TEXT CHECK (gender IN ('woman', 'man', 'other')),
  disabled            INTEGER CHECK (disabled IN (0, 1)),
  third_country       INTEGER CHECK (third_country IN (0, 1)),
  foreign_background  INTEGER CHECK (foreign_background IN (0, 1)),
  homeless            INTEGER NOT NULL CHECK (homeless IN (0, 1)),
  PRIMARY KEY (service_id, person_id)
) WITHOUT ROWID;
CREATE INDEX food_service_person_day ON food_service_person (day, person_id);
-- A person's snapshots in day order: the first of a year, found again when
-- the service that held it is cancelled
CREATE INDEX food_service_person_person ON food_service_person (person_id, day);

-- A grocery basket's lines. line_cents = shelf price × quantity, or
-- price per kg × grams / 1000 (rounded), computed by the core.
CREATE TABLE food_basket_line (
  id           INTEGER PRIMARY KEY,
  service_id   INTEGER NOT NULL REFERENCES food_service (id),
  category_id  INTEGER NOT NULL REFERENCES goods_category (id),
  item         TEXT,
  price_cents  INTEGER NOT NULL CHECK (price_cents > 0),
  quantity     INTEGER CHECK (quantity > 0),
  grams        INTEGER CHECK (grams > 0),
  line_cents   INTEGER NOT NULL CHECK (line_cents >= 0),
  CHECK (quantity IS NOT NULL OR grams IS NOT NULL)
);
CREATE INDEX food_basket_line_service ON food_basket_line (service_id);

-- The standard parcel by household size (6: six persons and more)
CREATE TABLE food_parcel_preset (
  persons      INTEGER NOT NULL CHECK (persons BETWEEN 1 AND 6),
  category_id  INTEGER NOT NULL REFERENCES goods_category (id),
  grams        INTEGER NOT NULL CHECK (grams >= 0),
  PRIMARY KEY (persons, category_id)
) WITHOUT ROWID;
INSERT INTO food_parcel_preset (persons, category_id, grams)
  SELECT n.persons, c.id, n.persons * CASE c.code
      WHEN 'fruit-vegetables' THEN 1500 WHEN 'starchy' THEN 1000 WHEN 'dairy' THEN 800
      WHEN 'meat-fish-eggs' THEN 500 WHEN 'fats' THEN 100 WHEN 'sweet-salty' THEN 300
      WHEN 'drinks' THEN 500 WHEN 'hygiene' THEN 200 ELSE 0 END
  FROM goods_category c,
       (SELECT 1 AS persons UNION ALL SELECT 2 UNION ALL SELECT 3
        UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6) n
  WHERE c.kind IN ('food', 'hygiene');

-- The goods ledger. direction +1 in, -1 out. A movement is never changed
-- or deleted: a correction is a new movement (corrects_id) and a closed
-- month takes no movement. source: where food in came from ('' otherwise).
CREATE TABLE goods_movement (
  id              INTEGER PRIMARY KEY,
  day             TEXT NOT NULL,
  place_id        INTEGER NOT NULL REFERENCES goods_place (id),
  category_id     INTEGER NOT NULL REFERENCES goods_category (id),
  direction       INTEGER NOT NULL CHECK (direction IN (1, -1)),
  reason          TEXT NOT NULL CHECK (reason IN (
                    'delivery', 'donation', 'collection', 'purchase', 'transfer',
                    'served', 'given', 'sold', 'partner', 'recycled', 'expired',
                    'damaged', 'wasted', 'adjustment', 'correction')),
  source          TEXT NOT NULL DEFAULT '' CHECK (source IN ('', 'banque-alimentaire',
                    'fse-plus', 'collection', 'purchase', 'donation', 'partner')),
  pieces          INTEGER NOT NULL DEFAULT 0 CHECK (pieces >= 0),
  grams           INTEGER NOT NULL CHECK (grams >= 0),
  estimated       INTEGER NOT NULL DEFAULT 0 CHECK (estimated IN (0, 1)),
  value_cents     INTEGER CHECK (value_cents >= 0),
  household_id    INTEGER REFERENCES household (id),
  service_id      INTEGER REFERENCES food_service (id),
  lot             TEXT,
  expiry          TEXT,
  corrects_id     INTEGER REFERENCES goods_movement (id),
  recorded_by     INTEGER REFERENCES desk_person (id),
  created_at      INTEGER NOT NULL
);
CREATE INDEX goods_movement_day ON goods_movement (day);
CREATE INDEX goods_movement_service ON goods_movement (service_id);

-- Months closed: their movements never change
CREATE TABLE goods_month_closed (
  month      TEXT PRIMARY KEY,              -- YYYY-MM
  closed_by  INTEGER REFERENCES desk_person (id),
  closed_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- Stock on hand by place and category, and movements by month, kept by
-- the trigger below: read in a row, never summed from the ledger.
CREATE TABLE goods_stock (
  place_id     INTEGER NOT NULL,
  category_id  INTEGER NOT NULL,
  pieces       INTEGER NOT NULL,
  grams        INTEGER NOT NULL,
  PRIMARY KEY (place_id, category_id)
) WITHOUT ROWID;

CREATE TABLE goods_month (
  month        TEXT NOT NULL,
  category_id  INTEGER NOT NULL,
  direction    INTEGER NOT NULL,
  reason       TEXT NOT NULL,
  source       TEXT NOT NULL,
  movements    INTEGER NOT NULL,
  pieces       INTEGER NOT NULL,
  grams        INTEGER NOT NULL,
  value_cents  INTEGER NOT NULL,
  PRIMARY KEY (month, category_id, direction, reason, source)
) WITHOUT ROWID;

CREATE TRIGGER goods_movement_closed_month BEFORE INSERT ON goods_movement
WHEN EXISTS (SELECT 1 FROM goods_month_closed WHERE month = substr (NEW.day, 1, 7))
BEGIN
  SELECT RAISE (ABORT, 'acu:goods-month-closed');
END;

CREATE TRIGGER goods_movement_never_changes BEFORE UPDATE OF day, place_id, category_id,
  direction, reason, source, pieces, grams, estimated, value_cents, service_id,
  corrects_id ON goods_movement
BEGIN
  SELECT RAISE (ABORT, 'acu:goods-never-change');
END;

CREATE TRIGGER goods_movement_never_deleted BEFORE DELETE ON goods_movement
BEGIN
  SELECT RAISE (ABORT, 'acu:goods-never-change');
END;

CREATE TRIGGER goods_movement_counted AFTER INSERT ON goods_movement
BEGIN
  INSERT OR IGNORE INTO goods_stock VALUES (NEW.place_id, NEW.category_id, 0, 0);
  UPDATE goods_stock SET pieces = pieces + NEW.direction * NEW.pieces,
                         grams = grams + NEW.direction * NEW.grams
    WHERE place_id = NEW.place_id AND category_id = NEW.category_id;
  INSERT OR IGNORE INTO goods_month VALUES (substr (NEW.day, 1, 7), NEW.category_id,
    NEW.direction, NEW.reason, NEW.source, 0, 0, 0, 0);
  UPDATE goods_month SET movements = movements + 1, pieces = pieces + NEW.pieces,
                         grams = grams + NEW.grams,
                         value_cents = value_cents + coalesce (NEW.value_cents, 0)
    WHERE month = substr (NEW.day, 1, 7) AND category_id = NEW.category_id
      AND direction = NEW.direction AND reason = NEW.reason AND source = NEW.source;
END;

-- A visit that brought food aid goes only with it: cancelling the service
-- (acu_food_service_cancel) corrects its movements, then deletes the visit
CREATE TRIGGER visit_with_food_aid BEFORE DELETE ON visit
WHEN EXISTS (SELECT 1 FROM food_service WHERE visit_id = OLD.id AND cancelled = 0)
BEGIN
  SELECT RAISE (ABORT, 'acu:food-aid-visit');
END;

-- What the activity summary reads of food aid, kept by the triggers below
-- as services are recorded and cancelled (as 0004-report.sql keeps the
-- visits), so that a year's or a month's figures are a few thousand rows instead of
-- every service and every person served (tests/bench/README.md). A
-- cancelled service counts nowhere. Rows whose counts fall to 0 stay.
-- A service's persons carry its day.
--
-- Services by day and mode: how many, what was paid, the value
CREATE TABLE food_day_count (
  day          TEXT NOT NULL,
  mode         TEXT NOT NULL,
  services     INTEGER NOT NULL,
  paid_cents   INTEGER NOT NULL,
  value_cents  INTEGER NOT NULL,
  PRIMARY KEY (day, mode)
) WITHOUT ROWID;

-- The households served in each calendar year: their services, those
-- they paid something for, those that had a value
CREATE TABLE food_household_year (
  year            INTEGER NOT NULL,
  household_id    INTEGER NOT NULL,
  services        INTEGER NOT NULL,
  paid_services   INTEGER NOT NULL,
  value_services  INTEGER NOT NULL,
  PRIMARY KEY (year, household_id)
) WITHOUT ROWID;

-- Each person served in a calendar year, as the first snapshot of the
-- year saw them (by day, then by service)
CREATE TABLE food_person_year (
  year                INTEGER NOT NULL,
  person_id           INTEGER NOT NULL,
  day                 TEXT NOT NULL,
  service_id          INTEGER NOT NULL,
  age                 TEXT NOT NULL,
  gender              TEXT,
  disabled            INTEGER,
  third_country       INTEGER,
  foreign_background  INTEGER,
  homeless            INTEGER NOT NULL,
  PRIMARY KEY (year, person_id)
) WITHOUT ROWID;

-- The same by calendar month ('YYYY-MM'): the persons of a month, a
-- quarter's months, without sorting their snapshots
CREATE TABLE food_person_month (
  month               TEXT NOT NULL,
  person_id           INTEGER NOT NULL,
  day                 TEXT NOT NULL,
  service_id          INTEGER NOT NULL,
  age                 TEXT NOT NULL,
  gender              TEXT,
  disabled            INTEGER,
  third_country       INTEGER,
  foreign_background  INTEGER,
  homeless            INTEGER NOT NULL,
  PRIMARY KEY (month, person_id)
) WITHOUT ROWID;

-- A service counted out (OLD) and in (NEW) when it changes: cancelled,
-- or moved to the household it was merged into. SQLite 3.15 has no
-- UPSERT: a row is made at 0 first, then counted.
CREATE TRIGGER food_service_counted_in AFTER INSERT ON food_service
WHEN NEW.cancelled = 0
BEGIN
  INSERT OR IGNORE INTO food_day_count VALUES (NEW.day, NEW.mode, 0, 0, 0);
  UPDATE food_day_count SET services = services + 1, paid_cents = paid_cents + NEW.paid_cents,
                            value_cents = value_cents + coalesce (NEW.value_cents, 0)
    WHERE day = NEW.day AND mode = NEW.mode;
  INSERT OR IGNORE INTO food_household_year
    VALUES (CAST (substr (NEW.day, 1, 4) AS INTEGER), NEW.household_id, 0, 0, 0);
  UPDATE food_household_year SET services = services + 1, paid_services = paid_services + (NEW.paid_cents > 0),
                                 value_services = value_services + (coalesce (NEW.value_cents, 0) > 0)
    WHERE year = CAST (substr (NEW.day, 1, 4) AS INTEGER) AND household_id = NEW.household_id;
END;

CREATE TRIGGER food_service_counted_out AFTER DELETE ON food_service
WHEN OLD.cancelled = 0
BEGIN
  UPDATE food_day_count SET services = services - 1, paid_cents = paid_cents - OLD.paid_cents,
                            value_cents = value_cents - coalesce (OLD.value_cents, 0)
    WHERE day = OLD.day AND mode = OLD.mode;
  UPDATE food_household_year SET services = services - 1, paid_services = paid_services - (OLD.paid_cents > 0),
                                 value_services = value_services - (coalesce (OLD.value_cents, 0) > 0)
    WHERE year = CAST (substr (OLD.day, 1, 4) AS INTEGER) AND household_id = OLD.household_id;
END;

CREATE TRIGGER food_service_recounted AFTER UPDATE OF day, household_id, mode, paid_cents, value_cents,
                                                      cancelled ON food_service
BEGIN
  UPDATE food_day_count SET services = services - 1, paid_cents = paid_cents - OLD.paid_cents,
                            value_cents = value_cents - coalesce (OLD.value_cents, 0)
    WHERE OLD.cancelled = 0 AND day = OLD.day AND mode = OLD.mode;
  UPDATE food_household_year SET services = services - 1, paid_services = paid_services - (OLD.paid_cents > 0),
                                 value_services = value_services - (coalesce (OLD.value_cents, 0) > 0)
    WHERE OLD.cancelled = 0 AND year = CAST (substr (OLD.day, 1, 4) AS INTEGER)
      AND household_id = OLD.household_id;
  INSERT OR IGNORE INTO food_day_count SELECT NEW.day, NEW.mode, 0, 0, 0 WHERE NEW.cancelled = 0;
  UPDATE food_day_count SET services = services + 1, paid_cents = paid_cents + NEW.paid_cents,
                            value_cents = value_cents + coalesce (NEW.value_cents, 0)
    WHERE NEW.cancelled = 0 AND day = NEW.day AND mode = NEW.mode;
  INSERT OR IGNORE INTO food_household_year
    SELECT CAST (substr (NEW.day, 1, 4) AS INTEGER), NEW.household_id, 0, 0, 0 WHERE NEW.cancelled = 0;
  UPDATE food_household_year SET services = services + 1, paid_services = paid_services + (NEW.paid_cents > 0),
                                 value_services = value_services + (coalesce (NEW.value_cents, 0) > 0)
    WHERE NEW.cancelled = 0 AND year = CAST (substr (NEW.day, 1, 4) AS INTEGER)
      AND household_id = NEW.household_id;
END;

-- A person served: their first snapshot of the year and of the month,
-- unless an earlier one is there already. A snapshot of a cancelled service counts nowhere.
CREATE TRIGGER food_service_person_counted_in AFTER INSERT ON food_service_person
WHEN (SELECT cancelled FROM food_service WHERE id = NEW.service_id) = 0
BEGIN
  INSERT OR IGNORE INTO food_person_year VALUES (CAST (substr (NEW.day, 1, 4) AS INTEGER), NEW.person_id,
    NEW.day, NEW.service_id, NEW.age, NEW.gender, NEW.disabled, NEW.third_country, NEW.foreign_background,
    NEW.homeless);
  UPDATE food_person_year SET day = NEW.day, service_id = NEW.service_id, age = NEW.age, gender = NEW.gender,
                              disabled = NEW.disabled, third_country = NEW.third_country,
                              foreign_background = NEW.foreign_background, homeless = NEW.homeless
    WHERE year = CAST (substr (NEW.day, 1, 4) AS INTEGER) AND person_id = NEW.person_id
      AND (day > NEW.day OR (day = NEW.day AND service_id > NEW.service_id));
  INSERT OR IGNORE INTO food_person_month VALUES (substr (NEW.day, 1, 7), NEW.person_id,
    NEW.day, NEW.service_id, NEW.age, NEW.gender, NEW.disabled, NEW.third_country, NEW.foreign_background,
    NEW.homeless);
  UPDATE food_person_month SET day = NEW.day, service_id = NEW.service_id, age = NEW.age, gender = NEW.gender,
                              disabled = NEW.disabled, third_country = NEW.third_country,
                              foreign_background = NEW.foreign_background, homeless = NEW.homeless
    WHERE month = substr (NEW.day, 1, 7) AND person_id = NEW.person_id
      AND (day > NEW.day OR (day = NEW.day AND service_id > NEW.service_id));
END;

-- A snapshot gone: its person's first of the year and of the month is
-- found again among
-- the snapshots of services not cancelled, or the person was not served
CREATE TRIGGER food_service_person_counted_out AFTER DELETE ON food_service_person
BEGIN
  DELETE FROM food_person_year
    WHERE year = CAST (substr (OLD.day, 1, 4) AS INTEGER) AND person_id = OLD.person_id
      AND service_id = OLD.service_id;
  INSERT OR IGNORE INTO food_person_year
    SELECT CAST (substr (p.day, 1, 4) AS INTEGER), p.person_id, p.day, p.service_id, p.age, p.gender,
           p.disabled, p.third_country, p.foreign_background, p.homeless
    FROM food_service_person p
    WHERE p.person_id = OLD.person_id
      AND p.service_id = (SELECT q.service_id FROM food_service_person q JOIN food_service s ON s.id = q.service_id
                          WHERE q.person_id = OLD.person_id AND s.cancelled = 0
                            AND q.day BETWEEN substr (OLD.day, 1, 4) || '-01-01' AND substr (OLD.day, 1, 4) || '-12-31'
                          ORDER BY q.day, q.service_id LIMIT 1);
  DELETE FROM food_person_month
    WHERE month = substr (OLD.day, 1, 7) AND person_id = OLD.person_id
      AND service_id = OLD.service_id;
  INSERT OR IGNORE INTO food_person_month
    SELECT substr (p.day, 1, 7), p.person_id, p.day, p.service_id, p.age, p.gender,
           p.disabled, p.third_country, p.foreign_background, p.homeless
    FROM food_service_person p
    WHERE p.person_id = OLD.person_id
      AND p.service_id = (SELECT q.service_id FROM food_service_person q JOIN food_service s ON s.id = q.service_id
                          WHERE q.person_id = OLD.person_id AND s.cancelled = 0
                            AND q.day BETWEEN substr (OLD.day, 1, 7) || '-01' AND substr (OLD.day, 1, 7) || '-31'
                          ORDER BY q.day, q.service_id LIMIT 1);
END;

-- A service cancelled (or counted again): each of its persons' first
-- snapshot of the year and of the month is found again
CREATE TRIGGER food_service_persons_recounted AFTER UPDATE OF cancelled ON food_service
WHEN OLD.cancelled <> NEW.cancelled
BEGIN
  DELETE FROM food_person_year
    WHERE year = CAST (substr (OLD.day, 1, 4) AS INTEGER)
      AND person_id IN (SELECT person_id FROM food_service_person WHERE service_id = OLD.id);
  INSERT OR IGNORE INTO food_person_year
    SELECT CAST (substr (p.day, 1, 4) AS INTEGER), p.person_id, p.day, p.service_id, p.age, p.gender,
           p.disabled, p.third_country, p.foreign_background, p.homeless
    FROM food_service_person o JOIN food_service_person p ON p.person_id = o.person_id
    WHERE o.service_id = OLD.id
      AND p.service_id = (SELECT q.service_id FROM food_service_person q JOIN food_service s ON s.id = q.service_id
                          WHERE q.person_id = o.person_id AND s.cancelled = 0
                            AND q.day BETWEEN substr (OLD.day, 1, 4) || '-01-01' AND substr (OLD.day, 1, 4) || '-12-31'
                          ORDER BY q.day, q.service_id LIMIT 1);
  DELETE FROM food_person_month
    WHERE month = substr (OLD.day, 1, 7)
      AND person_id IN (SELECT person_id FROM food_service_person WHERE service_id = OLD.id);
  INSERT OR IGNORE INTO food_person_month
    SELECT substr (p.day, 1, 7), p.person_id, p.day, p.service_id, p.age, p.gender,
           p.disabled, p.third_country, p.foreign_background, p.homeless
    FROM food_service_person o JOIN food_service_person p ON p.person_id = o.person_id
    WHERE o.service_id = OLD.id
      AND p.service_id = (SELECT q.service_id FROM food_service_person q JOIN food_service s ON s.id = q.service_id
                          WHERE q.person_id = o.person_id AND s.cancelled = 0
                            AND q.day BETWEEN substr (OLD.day, 1, 7) || '-01' AND substr (OLD.day, 1, 7) || '-31'
                          ORDER BY q.day, q.service_id LIMIT 1);
END;
