-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 7: the vestiaire and the ressourcerie on the goods ledger
-- (DESIGN.md, the goods ledger; DOMAIN.md, clothing and furniture).
-- Clothes, furniture and household goods are categories of their own
-- kinds in the one category tree, kept in places of their own, moved by
-- the movements of schema 5.

-- DOMAIN.md's default categories, with the weight of a piece that
-- estimates the kilos of what is counted and not weighed (the usual
-- averages of ressourceries; sites may change them in Preferences)
INSERT INTO goods_category (code, position, kind, grams_per_piece) VALUES
  ('clothing-women', 10, 'textile', 400), ('clothing-men', 11, 'textile', 500),
  ('clothing-children', 12, 'textile', 250), ('clothing-babies', 13, 'textile', 150),
  ('shoes', 14, 'textile', 800), ('linen', 15, 'textile', 700),
  ('furniture', 16, 'furniture', 25000), ('appliances', 17, 'appliance', 8000),
  ('dishes', 18, 'other', 400), ('books', 19, 'other', 300), ('toys', 20, 'other', 500),
  ('childcare', 21, 'other', 4000), ('decoration', 22, 'other', 600), ('goods-other', 23, 'other', 1000);

-- Below this many pieces in stock (every place together), the category is
-- short: the sidebar's badge counts such categories. NULL: no threshold.
ALTER TABLE goods_category ADD COLUMN low_pieces INTEGER CHECK (low_pieces IS NULL OR low_pieces > 0);

INSERT INTO goods_place (code, position) VALUES ('vestiaire', 2), ('storeroom', 3);

-- A transfer between two places is two movements: out of one place, then
-- in to the other, the second naming the first. An out movement beyond
-- the stock on hand is refused unless staff force it with a reason. A
-- gift to a household carries the visit it was made in: the visit goes
-- only with the gift's corrections (acu_goods_gift_cancel).
ALTER TABLE goods_movement ADD COLUMN pair_id INTEGER REFERENCES goods_movement (id);
ALTER TABLE goods_movement ADD COLUMN forced_reason TEXT;
ALTER TABLE goods_movement ADD COLUMN visit_id INTEGER REFERENCES visit (id) ON DELETE SET NULL;
CREATE INDEX goods_movement_visit ON goods_movement (visit_id) WHERE visit_id IS NOT NULL;
-- What a household was given, newest first (the desk shows it); food
-- served is found through its services, and is not in this index
CREATE INDEX goods_movement_given ON goods_movement (household_id, day) WHERE reason = 'given';
-- Whether a movement is corrected, found without reading the ledger (the
-- list shows it, and a gift's visit goes only once it is corrected); the
-- few corrections alone are in the index
CREATE INDEX goods_movement_corrects ON goods_movement (corrects_id) WHERE corrects_id IS NOT NULL;

-- A visit deleted (the desk's Undo) looks for its food aid (the trigger
-- visit_with_food_aid, and the foreign key that sets visit_id to NULL):
-- without this index, each deletion read every service
CREATE INDEX food_service_visit ON food_service (visit_id);

CREATE TRIGGER goods_movement_never_changes_7 BEFORE UPDATE OF pair_id, forced_reason ON goods_movement
BEGIN
  SELECT RAISE (ABORT, 'acu:goods-never-change');
END;

CREATE TRIGGER visit_with_goods BEFORE DELETE ON visit
WHEN EXISTS (SELECT 1 FROM goods_movement m WHERE m.visit_id = OLD.id
             AND NOT EXISTS (SELECT 1 FROM goods_movement c WHERE c.corrects_id = m.id))
BEGIN
  SELECT RAISE (ABORT, 'acu:goods-gift-visit');
END;
