-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 2: catalogues, people and households, the reception log.

-- Catalogues. Default entries carry a code and no label: the application
-- shows the code's translated label, so French and Occitan desks each read
-- their own language. An entry a coordinator adds or renames has a label.
-- Entries are hidden, never deleted, once a record uses them.
CREATE TABLE reason (
  id        INTEGER PRIMARY KEY,
  code      TEXT UNIQUE,
  label     TEXT CHECK (label IS NULL OR length(label) > 0),
  position  INTEGER NOT NULL,
  hidden    INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  CHECK (code IS NOT NULL OR label IS NOT NULL)
);

CREATE TABLE referral_partner (
  id        INTEGER PRIMARY KEY,
  code      TEXT UNIQUE,
  label     TEXT CHECK (label IS NULL OR length(label) > 0),
  position  INTEGER NOT NULL,
  hidden    INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  CHECK (code IS NOT NULL OR label IS NOT NULL)
);

-- Communes are proper names: a label, no code
CREATE TABLE commune (
  id        INTEGER PRIMARY KEY,
  code      TEXT UNIQUE,
  label     TEXT CHECK (label IS NULL OR length(label) > 0),
  position  INTEGER NOT NULL,
  hidden    INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  CHECK (code IS NOT NULL OR label IS NOT NULL)
);

INSERT INTO reason (code, position) VALUES
  ('food-aid', 1), ('clothing', 2), ('furniture', 3), ('digital-help', 4),
  ('social-worker', 5), ('rights', 6), ('paperwork', 7), ('coffee', 8),
  ('workshop', 9), ('other', 10);

INSERT INTO referral_partner (code, position) VALUES
  ('ccas', 1), ('secours-populaire', 2), ('secours-catholique', 3),
  ('croix-rouge', 4), ('banque-alimentaire', 5), ('restos-du-coeur', 6),
  ('caf', 7), ('cpam', 8), ('msa', 9), ('france-travail', 10),
  ('mission-locale', 11), ('france-services', 12), ('mds', 13),
  ('housing', 14), ('other', 15);

INSERT INTO commune (label, position) VALUES
  ('Aignan', 1), ('Auch', 2), ('Barran', 3), ('Castéra-Verduzan', 4),
  ('Cazaubon', 5), ('Condom', 6), ('Eauze', 7), ('Fleurance', 8),
  ('Gimont', 9), ('Jegun', 10), ('L''Isle-Jourdain', 11), ('Lectoure', 12),
  ('Lombez', 13), ('Marciac', 14), ('Masseube', 15), ('Mauvezin', 16),
  ('Miélan', 17), ('Mirande', 18), ('Montestruc-sur-Gers', 19),
  ('Montréal', 20), ('Nogaro', 21), ('Pavie', 22), ('Plaisance', 23),
  ('Preignan', 24), ('Riscle', 25), ('Saint-Clar', 26), ('Samatan', 27),
  ('Seissan', 28), ('Valence-sur-Baïse', 29), ('Vic-Fezensac', 30);

-- A household's number at the desk is its id
CREATE TABLE household (
  id                INTEGER PRIMARY KEY,
  address           TEXT,
  commune_id        INTEGER REFERENCES commune (id),
  phone             TEXT,
  email             TEXT,
  referring_worker  TEXT,
  note              TEXT,              -- factual and not confidential: the person may read it
  created_on        TEXT NOT NULL,     -- YYYY-MM-DD, for "new households" in reports
  created_at        INTEGER NOT NULL,  -- UTC Unix seconds
  updated_at        INTEGER NOT NULL
);

CREATE TABLE person (
  id            INTEGER PRIMARY KEY,
  household_id  INTEGER NOT NULL REFERENCES household (id),
  first_name    TEXT NOT NULL CHECK (length(first_name) > 0),
  last_name     TEXT NOT NULL CHECK (length(last_name) > 0),
  sort_key      TEXT NOT NULL,         -- folded "last first"
  birth_date    TEXT,                  -- YYYY-MM-DD, or YYYY when only the year is known
  gender        TEXT CHECK (gender IN ('woman', 'man', 'other')),  -- NULL: not stated
  informed_on   TEXT,                  -- YYYY-MM-DD: told of the processing of their data
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX person_household ON person (household_id);
CREATE INDEX person_sort_key ON person (sort_key);

-- Search: one row per folded word of a person's name, ordered so that a
-- prefix range walks the index in display order and a page stops early.
CREATE TABLE person_word (
  word       TEXT NOT NULL,
  sort_key   TEXT NOT NULL,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  PRIMARY KEY (word, sort_key, person_id)
) WITHOUT ROWID;
CREATE INDEX person_word_person ON person_word (person_id, word);

-- The reception log. Day and time are the desk's local civil time.
CREATE TABLE visit (
  id               INTEGER PRIMARY KEY,
  day              TEXT NOT NULL,      -- YYYY-MM-DD
  time             TEXT NOT NULL,      -- HH:MM
  person_id        INTEGER REFERENCES person (id),   -- NULL: anonymous
  anon_gender      TEXT CHECK (anon_gender IN ('woman', 'man', 'other')),
  anon_age         TEXT CHECK (anon_age IN ('0-3', '4-14', '15-17', '18-29', '30-54', '55-64', '65+')),
  anon_commune_id  INTEGER REFERENCES commune (id),
  referral_id      INTEGER REFERENCES referral_partner (id),
  note             TEXT,
  logged_by        INTEGER REFERENCES desk_person (id),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  CHECK (person_id IS NULL OR (anon_gender IS NULL AND anon_age IS NULL AND anon_commune_id IS NULL))
);
CREATE INDEX visit_day ON visit (day, time);
CREATE INDEX visit_person ON visit (person_id, day);

CREATE TABLE visit_reason (
  visit_id   INTEGER NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
  reason_id  INTEGER NOT NULL REFERENCES reason (id),
  PRIMARY KEY (visit_id, reason_id)
) WITHOUT ROWID;
CREATE INDEX visit_reason_reason ON visit_reason (reason_id);
