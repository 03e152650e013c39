-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 6: the name a household's food-aid access records are listed
-- under, so that a distribution day's expected households come in name
-- order from one index (acu_food_day_expected) instead of walking every
-- person of the site in name order until a page is full.
--
-- sort_key is the sort key of the household's first member by name (the
-- person shown in the list), '' for a household with no member. It is
-- kept by the triggers below as persons come, go, move or are renamed,
-- and as records move to another household (a merge).
ALTER TABLE food_access ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';

UPDATE food_access SET sort_key = coalesce ((SELECT min (p.sort_key) FROM person p
                                             WHERE p.household_id = food_access.household_id), '');

-- Every column the expected list filters on, after the name: a page is
-- read from the index in name order, the records that do not apply on the
-- day skipped without reading their rows
CREATE INDEX food_access_sort ON food_access (sort_key, household_id, start_day, end_day, mode);

CREATE TRIGGER food_access_sort_in AFTER INSERT ON food_access
BEGIN
  UPDATE food_access SET sort_key = coalesce ((SELECT min (p.sort_key) FROM person p
                                               WHERE p.household_id = NEW.household_id), '')
    WHERE id = NEW.id;
END;

CREATE TRIGGER food_access_sort_moved AFTER UPDATE OF household_id ON food_access
BEGIN
  UPDATE food_access SET sort_key = coalesce ((SELECT min (p.sort_key) FROM person p
                                               WHERE p.household_id = NEW.household_id), '')
    WHERE id = NEW.id;
END;

CREATE TRIGGER person_food_sort_in AFTER INSERT ON person
BEGIN
  UPDATE food_access SET sort_key = coalesce ((SELECT min (p.sort_key) FROM person p
                                               WHERE p.household_id = NEW.household_id), '')
    WHERE household_id = NEW.household_id;
END;

CREATE TRIGGER person_food_sort_changed AFTER UPDATE OF sort_key, household_id ON person
BEGIN
  UPDATE food_access SET sort_key = coalesce ((SELECT min (p.sort_key) FROM person p
                                               WHERE p.household_id = food_access.household_id), '')
    WHERE household_id IN (OLD.household_id, NEW.household_id);
END;

CREATE TRIGGER person_food_sort_out AFTER DELETE ON person
BEGIN
  UPDATE food_access SET sort_key = coalesce ((SELECT min (p.sort_key) FROM person p
                                               WHERE p.household_id = OLD.household_id), '')
    WHERE household_id = OLD.household_id;
END;
