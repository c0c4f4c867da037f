-- The prevention-relevant selection of the coverage reports (tables of
-- schema/migrations/0090_coverage_focus.sql; docs/coverage.md "Focus").
-- Idempotent: a second run changes no row.
--
-- Frameworks shown by default: the two the lesson pack names (Curriculum.nu
-- digitale geletterdheid, its own goal list), media literacy (the current
-- Mediawijsheid competentiemodel), the 21st-century skills, and the SLO
-- kerndoelen of po, onderbouw vo and (v)so, narrowed to the goals below.
INSERT INTO coverage_focus_framework (framework_id, position, note)
SELECT f.id, v.pos, v.note
FROM (VALUES
	(1, 'CNU-DG-2019', 'named by the lesson pack (curriculum 2021)'),
	(2, 'MNOS-LEERDOELEN', 'the lesson pack''s own goal list'),
	(3, 'MW-CM-2021', 'media literacy, current model'),
	(4, 'SLO-21CS', '21st-century skills'),
	(5, 'SLO-KD-PO-2006', 'kerndoelen po: the goals below'),
	(6, 'SLO-KD-VO-2006', 'kerndoelen onderbouw vo: the goals below'),
	(7, 'SLO-KD-SO-VSO', 'kerndoelen so/vso: the goals below')
) AS v (pos, code, note)
JOIN framework f ON f.code = v.code
ON CONFLICT (framework_id) DO UPDATE SET position = EXCLUDED.position,
    note = EXCLUDED.note
WHERE (coverage_focus_framework.position, coverage_focus_framework.note)
    IS DISTINCT FROM (EXCLUDED.position, EXCLUDED.note);

-- Within the kerndoelen: the goals the prevention programmes of the
-- catalogue are aligned to (seeds/units, the lesson pack), by code: care
-- for one's own and others' health, social self-reliance, values and
-- norms, respect for sexuality and diversity (po 34, 35, 37, 38; vo 34,
-- 35, 36, 43; so/vso their counterparts used by the units).
INSERT INTO coverage_focus_goal (goal_id, note)
SELECT g.id, 'prevention: ' || v.code
FROM (VALUES
	('SLO-KD-PO-2006', 'PO Kerndoel 34'), ('SLO-KD-PO-2006', 'PO Kerndoel 35'),
	('SLO-KD-PO-2006', 'PO Kerndoel 37'), ('SLO-KD-PO-2006', 'PO Kerndoel 38'),
	('SLO-KD-VO-2006', 'VO Kerndoel 34'), ('SLO-KD-VO-2006', 'VO Kerndoel 35'),
	('SLO-KD-VO-2006', 'VO Kerndoel 36'), ('SLO-KD-VO-2006', 'VO Kerndoel 43'),
	('SLO-KD-SO-VSO', 'SO nl/ml Kerndoel LS 53'),
	('SLO-KD-SO-VSO', 'VSO Kerndoel AM 43'),
	('SLO-KD-SO-VSO', 'VSO Kerndoel DB 39')
) AS v (framework, code)
JOIN framework f ON f.code = v.framework
JOIN goal g ON g.framework_id = f.id AND g.code = v.code
ON CONFLICT (goal_id) DO NOTHING;

-- The lesson pack's own goal list (framework MNOS-LEERDOELEN) restates the
-- rows of the pack's table "Overzicht leerdoelen"; the pack states that
-- its lessons serve every row.  Record that claim for the restated goal
-- too: an alignment of the pack with each MNOS-LEERDOELEN goal whose title
-- is the label the table printed (the other alignments of the pack carry
-- those labels).  Confidence as the table's own alignments; the source is
-- the pack's, marked "(eigen doelenlijst)" so that the pack's importer,
-- which owns the table's own rows, leaves these alone.
INSERT INTO alignment (programme_id, goal_id, published_label, source,
    source_url, confidence, note)
SELECT a.programme_id, g.id, a.published_label,
    a.source || ' (eigen doelenlijst)', a.source_url, a.confidence,
    'Rij van de tabel "Overzicht leerdoelen" van het lespakket; de eigen '
    'doelenlijst van het pakket herhaalt deze rij.'
FROM alignment a
JOIN goal g ON g.title = a.published_label AND g.id <> a.goal_id
JOIN framework f ON f.id = g.framework_id AND f.code = 'MNOS-LEERDOELEN'
WHERE a.published_label IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM alignment x
    WHERE x.programme_id = a.programme_id AND x.goal_id = g.id)
ON CONFLICT DO NOTHING;
