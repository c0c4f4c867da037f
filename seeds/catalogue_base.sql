-- catalogue_base.sql — hand-written base data of the catalogue (idempotent).
-- Runs after slo/niveaus.json and before curriculum/frameworks.json.
-- Every row says where it comes from; nothing here is invented: where we
-- group or name things ourselves (stages, the Curriculum.nu fases as three
-- levels), the note says so.

-- The two source documents (their text is not copied into this repository;
-- curriculum/mnos-pack.json transcribes 004, curriculum/programmes.json and
-- NOTES.md describe 000).
INSERT INTO source_document AS d (id, title, description, urls, note)
VALUES
('000_30cad59040f5600f.txt', 'Preventie van mensenhandel',
 'Webpagina over preventie van mensenhandel: preventie van daderschap en slachtofferschap, aandachtspunten bij preventie (thema''s weerbaarheid, zelfbeeld, zelfvertrouwen, media, normen en waarden in relaties, seksualiteit, criminaliteit; victim blaming; structureel in het reguliere lesaanbod vanaf het primair onderwijs) en een lijst van programma''s, trainingen en materialen.',
 ARRAY['https://www.nji.nl/nl/Kennis/Dossier/Slachtoffers-loverboys/Aanpak/Preventie',
       'https://www.nji.nl/seksuele-uitbuiting/preventie'],
 'Volgens de onderzoeksnotities (curriculum/NOTES.md, par. 7) de NJi-pagina "Mensenhandel – slachtoffers loverboys: Preventie"; zie ook source_document SRC-NJI-PREVENTIE.'),
('004_896ff6fed8ac6f23.txt', 'Mensenhandel (niet) op school — lespakket VO 2 en 3',
 'Lespakket van Rode Kruis, Centrum tegen Kinderhandel en Mensenhandel (onderdeel van Fier) en FutureNL: drie lessen rondom seksuele en criminele uitbuiting, kernboodschappen, "Veiligheid in de klas", hulpbronnen en het "Overzicht leerdoelen". Gestructureerd overgenomen in curriculum/mnos-pack.json.',
 ARRAY['http://www.mensenhandelacademy.nl/onderwijs/mensenhandelnietopschool'],
 'De URL is die van de docententraining zoals de bron hem noemt; de vindplaats van het lespakket zelf (pdf) is niet bekend.')
ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title,
    description = EXCLUDED.description, urls = EXCLUDED.urls, note = EXCLUDED.note
WHERE (d.title, d.description, d.urls, d.note) IS DISTINCT FROM
    (EXCLUDED.title, EXCLUDED.description, EXCLUDED.urls, EXCLUDED.note);

-- Stages. po: Curriculum.nu's phases (onderbouw po = groep 1-4, bovenbouw po
-- = groep 5-8); vo: SLO's niveau descriptions (ob vmbo = leerjaar 1-2,
-- ob havo/vwo = leerjaar 1-3, bb vmbo = 3-4, bb havo = 4-5, bb vwo = 4-6).
-- SLO's own "fase 1-5" niveaus divide differently and stay levels of their own.
INSERT INTO stage AS s (code, title, sector, sort_order, description, source_url, note)
VALUES
('po-onderbouw', 'Onderbouw po', 'po', 10, 'groep 1 t/m 4',
 'https://www.curriculum.nu/actueel/ontwikkelteam-digitale-geletterdheid-maakt-bouwstenen/',
 'Indeling van Curriculum.nu (fase 1). SLO''s niveau "fase 1" is groep 1-3.'),
('po-bovenbouw', 'Bovenbouw po', 'po', 20, 'groep 5 t/m 8',
 'https://www.curriculum.nu/actueel/ontwikkelteam-digitale-geletterdheid-maakt-bouwstenen/',
 'Indeling van Curriculum.nu (fase 2). SLO kent "fase 2" (groep 4-6) en "fase 3" (groep 7-8).'),
('so', 'Speciaal onderwijs', 'so', 30, 'so (nl/ml, zml/mg)',
 'https://github.com/slonl/curriculum-basis/blob/master/data/niveaus.json', NULL),
('vo-onderbouw', 'Onderbouw vo', 'vo', 40, 'vmbo leerjaar 1-2; havo en vwo leerjaar 1-3',
 'https://github.com/slonl/curriculum-basis/blob/master/data/niveaus.json',
 'Volgens SLO''s niveaus "ob vmbo" (leerjaar 1, 2), "ob havo" (leerjaar 1, 2, 3) en "3 h/v". SLO''s beschrijving van "ob vwo" luidt "leerjaar 4, 5, 6"; wij lezen onderbouw vwo als leerjaar 1-3, zoals bij havo.'),
('vo-bovenbouw', 'Bovenbouw vo', 'vo', 50, 'vmbo leerjaar 3-4; havo leerjaar 4-5; vwo leerjaar 4-6',
 'https://github.com/slonl/curriculum-basis/blob/master/data/niveaus.json',
 'Volgens SLO''s niveaus "bb vmbo", "bb havo" en "bb vwo".'),
('pro', 'Praktijkonderwijs', 'vo', 60, 'praktijkonderwijs',
 'https://github.com/slonl/curriculum-basis/blob/master/data/niveaus.json', NULL),
('vso', 'Voortgezet speciaal onderwijs', 'vso', 70, 'vso (arbeidsmarkt, dagbesteding, vervolgonderwijs)',
 'https://github.com/slonl/curriculum-basis/blob/master/data/niveaus.json', NULL),
('mbo', 'Mbo', 'mbo', 80, 'mbo niveau 1 t/m 4',
 'https://www.rijksoverheid.nl/onderwerpen/middelbaar-beroepsonderwijs/opleidingen-niveaus-en-leerwegen-in-het-mbo', NULL)
ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title, sector = EXCLUDED.sector,
    sort_order = EXCLUDED.sort_order, description = EXCLUDED.description,
    source_url = EXCLUDED.source_url, note = EXCLUDED.note
WHERE (s.title, s.sector, s.sort_order, s.description, s.source_url, s.note)
    IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.sector, EXCLUDED.sort_order,
    EXCLUDED.description, EXCLUDED.source_url, EXCLUDED.note);

-- The framework of SLO's leerdoelenkaarten (slo/ldk.*.json); frameworks.json
-- does not list it.
INSERT INTO framework AS fw (id, code, kind, title, publisher, year, language,
    status, status_note, source, source_url, data_source, note)
VALUES (catalogue_uuid('framework:SLO-LDK'), 'SLO-LDK', 'goals',
 'SLO leerdoelenkaarten (o.a. digitale geletterdheid)', 'SLO', NULL, 'nl',
 'adopted', 'Gepubliceerde open data van SLO; geen wettelijke status.',
 'catalogue_base.sql', 'https://github.com/slonl/curriculum-leerdoelenkaarten',
 'https://github.com/slonl/curriculum-leerdoelenkaarten/tree/master/data (ldk.vakleergebieden, ldk.vakkernen, ldk.vaksubkernen, ldk.vakinhouden)',
 'Vakleergebied "Digitale geletterdheid" (prefix DG) met vakkernen ICT-basisvaardigheden, Informatievaardigheden, Mediawijsheid en Computational thinking, naast de leerdoelenkaarten van andere vakken uit dezelfde bestanden. Jaar van publicatie niet vastgelegd. Doelniveaus (doelniveau_id) verwijzen naar ldk.doelniveaus.json, dat niet is meegeleverd: niveaus van deze doelen zijn daarom onbekend.')
ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, kind = EXCLUDED.kind,
    title = EXCLUDED.title, publisher = EXCLUDED.publisher, year = EXCLUDED.year,
    language = EXCLUDED.language, status = EXCLUDED.status,
    status_note = EXCLUDED.status_note, source = EXCLUDED.source,
    source_url = EXCLUDED.source_url, data_source = EXCLUDED.data_source,
    note = EXCLUDED.note
WHERE (fw.code, fw.kind, fw.title, fw.publisher, fw.year, fw.language, fw.status,
    fw.status_note, fw.source, fw.source_url, fw.data_source, fw.note)
    IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.kind, EXCLUDED.title,
    EXCLUDED.publisher, EXCLUDED.year, EXCLUDED.language, EXCLUDED.status,
    EXCLUDED.status_note, EXCLUDED.source, EXCLUDED.source_url,
    EXCLUDED.data_source, EXCLUDED.note);

-- Curriculum.nu's three fases as levels (frameworks.json NL-LEVELS has them
-- as one item "CNU-FASE-1..3").
INSERT INTO level AS l (id, id_origin, code, title, description, kind, source,
    source_url, confidence, note)
SELECT catalogue_uuid('level:' || code), 'derived', code, title, description,
    'fase', 'catalogue_base.sql',
    'https://www.curriculum.nu/actueel/ontwikkelteam-digitale-geletterdheid-maakt-bouwstenen/',
    'paraphrase',
    'Curriculum.nu-fase (frameworks.json NL-LEVELS, item CNU-FASE-1..3); verschilt van SLO''s niveaus "fase 1-5".'
FROM (VALUES
    ('cnu-fase-1', 'Curriculum.nu fase 1: onderbouw po', 'groep 1-4'),
    ('cnu-fase-2', 'Curriculum.nu fase 2: bovenbouw po', 'groep 5-8'),
    ('cnu-fase-3', 'Curriculum.nu fase 3: onderbouw vo', 'klas 1-2')) v (code, title, description)
ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, title = EXCLUDED.title,
    description = EXCLUDED.description, kind = EXCLUDED.kind,
    source = EXCLUDED.source, source_url = EXCLUDED.source_url,
    confidence = EXCLUDED.confidence, note = EXCLUDED.note
WHERE (l.code, l.title, l.description, l.kind, l.source, l.source_url,
    l.confidence, l.note) IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.title,
    EXCLUDED.description, EXCLUDED.kind, EXCLUDED.source, EXCLUDED.source_url,
    EXCLUDED.confidence, EXCLUDED.note);

-- Level names used in curriculum/frameworks.json.
INSERT INTO level_alias (alias, level_id, note)
SELECT v.alias, l.id, v.note
FROM (VALUES
    ('fase 1: onderbouw po (groep 1-4)', 'cnu-fase-1', NULL),
    ('fase 2: bovenbouw po (groep 5-8)', 'cnu-fase-2', NULL),
    ('fase 3: onderbouw vo (klas 1-2)', 'cnu-fase-3', NULL),
    ('po', 'po', NULL),
    ('onderbouw vo', 'ob-vo', NULL),
    ('(v)so', 'so', '"(v)so" = so en vso'),
    ('(v)so', 'vso', '"(v)so" = so en vso')) v (alias, code, note)
JOIN level l ON l.code = v.code
ON CONFLICT (alias, level_id) DO NOTHING;
