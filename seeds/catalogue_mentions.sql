-- catalogue_mentions.sql — where the source documents name the programmes,
-- with the passage verbatim (idempotent). Runs after the programmes and the
-- lesson pack are imported. Variants of the Vlaggensysteem are the child
-- programmes VLAG-1 (RJ), VLAG-2 (op een bordje), VLAG-3 (Buiten de Lijnen),
-- in the order of curriculum/programmes.json.

INSERT INTO programme_mention AS m (programme_id, source_document_id, quote)
SELECT p.id, v.doc, v.quote
FROM (VALUES
 ('HWJDOI', '000_30cad59040f5600f.txt',
  'Om het gesprek over social media gebruik en seksuele weerbaarheid beter aan te kun je gebruik maken van de Tips voor een goed gesprek tussen volwassenen en jongeren over sociale media en online seksuele weerbaarheid zijn te vinden in de handreiking Hoe was jouw dag op internet?'),
 ('TOOLBOX-MO', '000_30cad59040f5600f.txt',
  'Informatie en tips over internetgebruik vind je in de Toolbox mediaopvoeding.'),
 ('VLAG', '000_30cad59040f5600f.txt',
  'Voor het inschatten en bespreekbaar maken van seksueel grensoverschrijdend gedrag is het Vlaggensysteem ontwikkeld. Lees meer over het Vlaggensysteem op de website van Movisie. Er zijn ook aangepaste versies van het Vlaggensysteem voor verschillende specifieke doelgroepen.'),
 ('VLAG-1', '000_30cad59040f5600f.txt',
  'Ook is er een versie voor de residentiële jeugdzorg.'),
 ('VLAG-2', '000_30cad59040f5600f.txt',
  'Zo is er voor kinderen en jongeren met een lvb Vlaggensysteem op een bordje.'),
 ('MVG', '000_30cad59040f5600f.txt',
  'Het Merel van Groningen-project is een themapakket over loverboyproblematiek, met als hoofddoel preventie door kennis en inzicht onder jongeren vergroten. Het themapakket kan aangeboden worden binnen alle vormen van onderwijs en jeugdhulporganisaties en is geschikt voor jongens en meisjes. Lees de beoordeling van het project op Movisie.nl en kijk op Merelvangroningen.nl.'),
 ('SSV', '000_30cad59040f5600f.txt',
  'Werk je in het onderwijs en vermoed je dat er loverboys of lovergirls in of rond de school zijn? Kijk op de website van Stichting School en Veiligheid welke stappen je kunt nemen, en wanneer je de politie kunt inschakelen.'),
 ('MNOS', '000_30cad59040f5600f.txt',
  'Het Rode Kruis Centrum tegen Kinderhandel Mensenhandel (CKM) en Fier ontwikkelden een gratis training voor docenten in het voortgezet onderwijs. Ook stellen zij lesmateriaal over mensenhandel en een toolkit signalering en preventie beschikbaar.'),
 ('MNOS-TRAINING', '004_896ff6fed8ac6f23.txt',
  'Daarnaast hebben het Rode Kruis en het Centrum tegen Kinderhandel en Mensenhandel een training voor onderwijsprofessionals ontwikkeld om op school mensenhandel onder de aandacht te brengen en onderwijsprofessionals te ondersteunen, kijk hiervoor op www.mensenhandelacademy.nl/onderwijs/mensenhandelnietopschool.'),
 ('MNOS-LESPAKKET', '004_896ff6fed8ac6f23.txt',
  'Om hen hierbij te helpen, hebben het Rode Kruis, het Centrum tegen Kinderhandel en Mensenhandel (onderdeel van Fier) en FutureNL de handen ineen geslagen en drie lessen rondom seksuele en criminele uitbuiting ontwikkeld voor het voortgezet onderwijs.')
) v (code, doc, quote)
JOIN programme p ON p.code = v.code
ON CONFLICT (programme_id, source_document_id) DO UPDATE SET quote = EXCLUDED.quote
WHERE m.quote IS DISTINCT FROM EXCLUDED.quote;

DO $$
BEGIN
	IF (SELECT count(*) FROM programme_mention) < 10 THEN
		RAISE EXCEPTION 'catalogue_mentions.sql: a named programme is missing';
	END IF;
END
$$;
