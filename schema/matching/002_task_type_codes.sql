-- The task-type codes orders and skills use (issue 17's code list): renames to the interchange file's codes
-- and the VATTI strengths the first list lacked (DOMAIN.md 2.2: Ulkotyöt, Kiinteistöhuolto).

UPDATE task_type SET code = 'packing-bagging'   WHERE code = 'packing';
UPDATE task_type SET code = 'mailing-labelling' WHERE code = 'mailing';
UPDATE task_type SET code = 'handicraft'        WHERE code = 'handicrafts';
UPDATE task_type SET code = 'kitchen-help'      WHERE code = 'kitchen-assist';
UPDATE task_type SET code = 'escorting-elderly' WHERE code = 'elderly-escort';
UPDATE task_type SET code = 'event-assistance'  WHERE code = 'event-assist';
UPDATE task_type SET code = 'carrying-help'     WHERE code = 'carrying';
UPDATE task_type SET code = 'yard-work'         WHERE code = 'yard-maintenance';

INSERT INTO task_type(code, name_fi, name_en, area) VALUES
    ('outdoor-work',         'Ulkotyöt',        'outdoor work',         'outdoor'),
    ('property-maintenance', 'Kiinteistöhuolto', 'property maintenance', 'outdoor');
