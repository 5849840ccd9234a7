-- The vocabulary of task types that orders ask for and workers' skills refer to (DOMAIN.md 2.2, 2.3, E4).

CREATE TABLE task_type (
    code     TEXT PRIMARY KEY,
    name_fi  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    area     TEXT NOT NULL CHECK (area IN ('cleaning', 'packing', 'outdoor', 'logistics', 'crafts', 'kitchen',
                                           'care', 'office', 'events'))
) WITHOUT ROWID;

INSERT INTO task_type(code, name_fi, name_en, area) VALUES
    ('office-cleaning',   'Toimistotilojen siivous',           'office cleaning',                    'cleaning'),
    ('home-cleaning',     'Kotisiivous',                       'home cleaning',                      'cleaning'),
    ('stairwell-cleaning','Kerrostalon rappusiivous',          'stairwell cleaning',                 'cleaning'),
    ('window-washing',    'Ikkunanpesu',                       'window washing',                     'cleaning'),
    ('phone-cleaning',    'Turvapuhelinten puhdistus',         'cleaning of safety phones',          'cleaning'),
    ('furniture-washing', 'Kalustepesu',                       'furniture washing',                  'cleaning'),
    ('storage-cleaning',  'Varastotilan siivous ja järjestely','storage-room cleaning and arranging', 'cleaning'),
    ('packing',           'Pakkaus- ja pussitustyöt',          'packing and bagging',                'packing'),
    ('mailing',           'Postitus, lajittelu, etiketöinti',  'mailing, sorting, labelling',        'packing'),
    ('assembly',          'Kokoamistyöt',                      'assembly',                           'packing'),
    ('moving-packing',    'Muuttopakkaus',                     'moving packing',                     'logistics'),
    ('carrying',          'Kuljetus- ja kantoapu',             'transport and carrying help',        'logistics'),
    ('archiving',         'Opinnäytetöiden arkistointi',       'archiving',                          'office'),
    ('folder-assembly',   'Asukaskansioiden kokoaminen',       'assembling resident folders',        'office'),
    ('yard-maintenance',  'Pihan huoltotyöt',                  'yard maintenance',                   'outdoor'),
    ('park-work',         'Puistotyöt',                        'park work',                          'outdoor'),
    ('raking',            'Haravointi',                        'raking',                             'outdoor'),
    ('waste-sorting',     'Jätteiden lajittelu',               'waste sorting',                      'outdoor'),
    ('sewing',            'Ompelutyö',                         'sewing',                             'crafts'),
    ('handicrafts',       'Kädentaidot',                       'handicrafts',                        'crafts'),
    ('kitchen-assist',    'Keittiön avustavat tehtävät',       'kitchen assistance',                 'kitchen'),
    ('elderly-escort',    'Ikäihmisten saattaja-apu',          'escorting elderly people',           'care'),
    ('outdoor-escort',    'Ulkoiluapu',                        'outdoor-escort help',                'care'),
    ('event-assist',      'Tapahtumissa avustaminen',          'assisting at events',                'events'),
    ('floorball-mats',    'Salibandykentän mattojen levitys',  'laying floorball-court mats',        'events');
