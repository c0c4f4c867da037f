-- CASE 1.0: the licence of SLO's open curriculum data (slo/LICENSE, MIT),
-- served as the CFLicense of the frameworks whose goals come from SLO's
-- files (the kerndoelen po, onderbouw vo, so/vso and the leerdoelenkaarten).
-- The text is the MIT licence as slo/LICENSE gives it; that file says the
-- wording of its copyright line was not re-checked against SLO's own
-- LICENSE files, and so does the description below.  Idempotent.

INSERT INTO case_license AS l (id, title, description, license_text, source)
VALUES (catalogue_uuid('licence:slo-open-data-mit'),
    'MIT License (SLO open curriculum data)',
    'De kerndoelen, niveaus en leerdoelenkaarten van SLO (Stichting '
    || 'Leerplanontwikkeling), github.com/slonl, staan onder de MIT-licentie. '
    || 'De precieze copyrightregel van SLO''s eigen LICENSE-bestanden is niet '
    || 'opnieuw gecontroleerd (seeds/slo/LICENSE).',
    $lic$MIT License

Copyright (c) SLO (Stichting Leerplanontwikkeling), Enschede, the Netherlands

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.$lic$,
    'slo/LICENSE')
ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title,
    description = EXCLUDED.description, license_text = EXCLUDED.license_text,
    source = EXCLUDED.source
WHERE (l.title, l.description, l.license_text, l.source) IS DISTINCT FROM
    (EXCLUDED.title, EXCLUDED.description, EXCLUDED.license_text,
    EXCLUDED.source);

UPDATE framework SET case_license_id = catalogue_uuid('licence:slo-open-data-mit')
WHERE code IN ('SLO-KD-PO-2006', 'SLO-KD-VO-2006', 'SLO-KD-SO-VSO', 'SLO-LDK')
  AND case_license_id IS DISTINCT FROM catalogue_uuid('licence:slo-open-data-mit');
