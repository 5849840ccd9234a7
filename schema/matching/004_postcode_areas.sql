-- Approximate centres of Helsinki's postal-code areas, for the travel term of matching scores: the distance
-- from a client's home postcode to an order's. Coordinates are approximate (within about a kilometre); a
-- postcode not listed gives no travel estimate. An administrator may add rows for other municipalities.

CREATE TABLE postcode_area (
    postcode  TEXT PRIMARY KEY CHECK (length(postcode) = 5),
    name      TEXT NOT NULL,
    latitude  REAL NOT NULL CHECK (latitude BETWEEN 59 AND 71),
    longitude REAL NOT NULL CHECK (longitude BETWEEN 19 AND 32)
) WITHOUT ROWID;

INSERT INTO postcode_area(postcode, name, latitude, longitude) VALUES
    ('00100', 'Helsinki keskusta', 60.170, 24.938), ('00120', 'Punavuori', 60.162, 24.940),
    ('00130', 'Kaartinkaupunki', 60.164, 24.948), ('00140', 'Kaivopuisto', 60.158, 24.955),
    ('00150', 'Eira', 60.156, 24.935), ('00160', 'Katajanokka', 60.167, 24.966),
    ('00170', 'Kruununhaka', 60.172, 24.955), ('00180', 'Kamppi', 60.164, 24.920),
    ('00200', 'Lauttasaari', 60.158, 24.875), ('00210', 'Vattuniemi', 60.153, 24.858),
    ('00220', 'Jätkäsaari', 60.158, 24.915), ('00230', 'Ilmala', 60.207, 24.922),
    ('00240', 'Länsi-Pasila', 60.200, 24.920), ('00250', 'Taka-Töölö', 60.190, 24.918),
    ('00260', 'Keski-Töölö', 60.180, 24.925), ('00270', 'Pohjois-Meilahti', 60.195, 24.905),
    ('00280', 'Ruskeasuo', 60.200, 24.895), ('00290', 'Meilahti', 60.190, 24.900),
    ('00300', 'Pikku Huopalahti', 60.205, 24.890), ('00310', 'Kivihaka', 60.210, 24.900),
    ('00320', 'Etelä-Haaga', 60.215, 24.885), ('00330', 'Munkkiniemi', 60.198, 24.875),
    ('00340', 'Kuusisaari', 60.190, 24.860), ('00350', 'Munkkivuori', 60.208, 24.870),
    ('00360', 'Pajamäki', 60.220, 24.865), ('00370', 'Reimarla', 60.225, 24.845),
    ('00380', 'Pitäjänmäki', 60.222, 24.860), ('00390', 'Konala', 60.238, 24.845),
    ('00400', 'Pohjois-Haaga', 60.228, 24.895), ('00410', 'Malminkartano', 60.248, 24.860),
    ('00420', 'Kannelmäki', 60.240, 24.880), ('00430', 'Maununneva', 60.250, 24.870),
    ('00440', 'Lassila', 60.235, 24.870), ('00500', 'Sörnäinen', 60.187, 24.962),
    ('00510', 'Alppila', 60.192, 24.945), ('00520', 'Itä-Pasila', 60.198, 24.940),
    ('00530', 'Kallio', 60.182, 24.950), ('00540', 'Kalasatama', 60.188, 24.975),
    ('00550', 'Vallila', 60.195, 24.955), ('00560', 'Toukola', 60.205, 24.970),
    ('00570', 'Kulosaari', 60.186, 25.005), ('00580', 'Verkkosaari', 60.190, 24.980),
    ('00600', 'Koskela', 60.215, 24.960), ('00610', 'Käpylä', 60.215, 24.945),
    ('00620', 'Metsälä', 60.222, 24.930), ('00630', 'Maunula', 60.230, 24.925),
    ('00640', 'Oulunkylä', 60.228, 24.965), ('00650', 'Veräjämäki', 60.232, 24.975),
    ('00660', 'Länsi-Pakila', 60.245, 24.935), ('00670', 'Paloheinä', 60.258, 24.925),
    ('00680', 'Itä-Pakila', 60.240, 24.955), ('00690', 'Tuomarinkylä', 60.255, 24.960),
    ('00700', 'Malmi', 60.250, 25.010), ('00710', 'Pihlajamäki', 60.235, 25.015),
    ('00720', 'Pukinmäki', 60.245, 24.990), ('00730', 'Tapanila', 60.262, 25.030),
    ('00740', 'Siltamäki', 60.275, 25.005), ('00750', 'Puistola', 60.272, 25.035),
    ('00760', 'Suurmetsä', 60.275, 25.055), ('00770', 'Jakomäki', 60.260, 25.080),
    ('00780', 'Tapaninvainio', 60.265, 25.010), ('00790', 'Viikki', 60.225, 25.020),
    ('00800', 'Herttoniemi', 60.195, 25.030), ('00810', 'Herttoniemi', 60.192, 25.040),
    ('00820', 'Roihuvuori', 60.198, 25.055), ('00830', 'Tammisalo', 60.188, 25.065),
    ('00840', 'Laajasalo', 60.170, 25.050), ('00850', 'Jollas', 60.165, 25.065),
    ('00860', 'Santahamina', 60.150, 25.045), ('00870', 'Hevossalmi', 60.170, 25.080),
    ('00880', 'Roihupelto', 60.210, 25.050), ('00900', 'Puotinharju', 60.212, 25.095),
    ('00910', 'Puotila', 60.210, 25.100), ('00920', 'Myllypuro', 60.225, 25.075),
    ('00930', 'Itäkeskus', 60.210, 25.085), ('00940', 'Kontula', 60.235, 25.085),
    ('00950', 'Vartioharju', 60.220, 25.110), ('00960', 'Pohjois-Vuosaari', 60.215, 25.145),
    ('00970', 'Mellunmäki', 60.240, 25.110), ('00980', 'Etelä-Vuosaari', 60.208, 25.145),
    ('00990', 'Aurinkolahti', 60.200, 25.155);
