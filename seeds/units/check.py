#!/usr/bin/env python3
"""Self-check for seeds/units/units.json (stdlib only).

Run from anywhere:  python3 seeds/units/check.py
Exit status 1 (with a list of problems) when:
  - a unit has no source URL (neither its own sources nor its programme's);
  - a unit has no alignment;
  - programme or unit codes are not unique, or do not match ^[A-Z0-9][A-Z0-9-]*$;
  - any string value is empty (use null instead);
  - a level code, theme, evidence level, framework code or goal code does not
    resolve against the seeds (seeds/slo/niveaus.json, seeds/curriculum/frameworks.json,
    seeds/slo/kerndoelen.kerndoelen.json);
  - a planning level (groep 1-8, vmbo-tl/havo/vwo 1-4) has fewer than two units.
It prints the number of units per planning level and the goals used.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.dirname(HERE)

THEMES = {
    'lichaam en grenzen', 'gevoelens', 'weerbaarheid', 'zelfbeeld en zelfvertrouwen',
    'vriendschap', 'relaties en seksualiteit', 'online veiligheid', 'mediawijsheid',
    'grooming en sextortion', 'loverboys en seksuele uitbuiting', 'criminele uitbuiting',
    'normen en waarden', 'hulp zoeken',
}
TARGET_GROUPS = {'regulier', 'so', 'sbo', 'lvb', 'pro', 'vso', 'religieuze identiteit',
                 'meiden', 'jongens'}
KINDS = {'programma', 'module', 'les', 'project'}
CONF = {'verbatim', 'paraphrase', 'inferred'}
CODE_RE = re.compile(r'^[A-Z0-9][A-Z0-9-]*$')
DATE_RE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
PLAN_LEVELS = (['groep-%d' % i for i in range(1, 9)]
               + ['%s-%d' % (t, i) for t in ('vmbo-tl', 'havo', 'vwo') for i in range(1, 5)])
MIN_UNITS_PER_LEVEL = 2


def load(rel):
    with open(os.path.join(SEEDS, rel), encoding='utf-8') as f:
        return json.load(f)


def slug(s):
    """Python twin of catalogue_slug() in schema/functions/catalogue_import.sql."""
    s = unicodedata.normalize('NFKD', s.lower()).encode('ascii', 'ignore').decode()
    s = s.replace('+', ' plus')
    return re.sub(r'[^a-z0-9]+', '-', s).strip('-')


def clean(s):
    """Python twin of catalogue_clean(): trim whitespace and zero-width spaces."""
    return re.sub(r'^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$', '', s or '') or None


def level_codes(frameworks):
    codes = {slug(x['title']) for x in load('slo/niveaus.json') if x.get('title')}
    for fw in frameworks:
        if fw['code'] != 'NL-LEVELS':
            continue
        for it in fw['items']:
            if '..' in it['code']:
                continue
            codes.add(slug(it['title_nl']) if it.get('slo_uuid') else it['code'].lower())
    return codes



def vocabulary_problems(what, entry, problems):
    """Themes and target groups of a programme or unit from the vocabularies."""
    for t in entry.get('themes', []):
        if t not in THEMES:
            problems.append('%s: theme "%s" not in vocabulary' % (what, t))
    for t in entry.get('target_groups', []):
        if t not in TARGET_GROUPS:
            problems.append('%s: target group "%s" not in vocabulary' % (what, t))

def main():
    problems = []
    doc = load('units/units.json')
    frameworks = load('curriculum/frameworks.json')
    fw_codes = {fw['code'] for fw in frameworks}
    # goals that the importer creates from frameworks.json (items with a title)
    fw_goals = {(fw['code'], it['code']) for fw in frameworks for it in fw.get('items', [])
                if it.get('title_nl') is not None}
    evidence_codes = {'unknown'} | {it['code'] for fw in frameworks if fw['code'] == 'SEI-ERK'
                                    for it in fw['items'] if it['code'].startswith('ERK-')}
    # SLO kerndoelen: goal code = cleaned SLO prefix, id = SLO UUID
    kd = {}
    for x in load('slo/kerndoelen.kerndoelen.json'):
        p = clean(x.get('prefix'))
        if p:
            kd.setdefault(p, set()).add(x['id'])
    slo_fw = {'SLO-KD-PO-2006': r'^PO ', 'SLO-KD-VO-2006': r'^VO ', 'SLO-KD-SO-VSO': r'^V?SO '}
    levels_ok = level_codes(frameworks)

    # empty strings anywhere
    def walk(v, path):
        if isinstance(v, str):
            if not v.strip():
                problems.append('%s: empty string (use null)' % path)
        elif isinstance(v, dict):
            for k, x in v.items():
                walk(x, '%s.%s' % (path, k))
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(x, '%s[%d]' % (path, i))
    walk(doc, '$')

    seen = Counter()
    per_level = Counter()
    goals_used = Counter()
    evidence_used = Counter()
    n_units = 0
    for p in doc.get('programmes', []):
        pc = p.get('code') or '?'
        seen[pc] += 1
        if not CODE_RE.match(pc):
            problems.append('programme %s: bad code' % pc)
        vocabulary_problems('programme %s' % pc, p, problems)
        ev = p.get('evidence')
        if ev is not None:
            evidence_used[ev.get('level')] += 1
            if ev.get('level') not in evidence_codes:
                problems.append('programme %s: evidence level %r unknown' % (pc, ev.get('level')))
            if ev.get('date') is not None and not DATE_RE.match(ev['date']):
                problems.append('programme %s: evidence date %r not YYYY-MM-DD' % (pc, ev['date']))
        prog_urls = [s.get('url') for s in p.get('sources', []) if s.get('url')]
        if not p.get('units'):
            problems.append('programme %s: no units' % pc)
        for u in p.get('units', []):
            n_units += 1
            uc = u.get('code') or '?'
            seen[uc] += 1
            if not CODE_RE.match(uc):
                problems.append('unit %s: bad code' % uc)
            if not u.get('title'):
                problems.append('unit %s: no title' % uc)
            if u.get('kind') not in KINDS:
                problems.append('unit %s: kind %r' % (uc, u.get('kind')))
            if u.get('levels_confidence') not in CONF:
                problems.append('unit %s: levels_confidence %r' % (uc, u.get('levels_confidence')))
            if not isinstance(u.get('sensitive_topic'), bool):
                problems.append('unit %s: sensitive_topic must be true/false' % uc)
            if not DATE_RE.match(u.get('reviewed_on') or ''):
                problems.append('unit %s: reviewed_on %r' % (uc, u.get('reviewed_on')))
            for k in ('duration_minutes', 'lessons_count'):
                v = u.get(k)
                if v is not None and (not isinstance(v, int) or v < 1):
                    problems.append('unit %s: %s must be a positive integer or null' % (uc, k))
            own_urls = [s.get('url') for s in u.get('sources', []) if s.get('url')]
            if not own_urls and not prog_urls:
                problems.append('unit %s: no source URL (own or programme)' % uc)
            for lv in u.get('levels', []):
                if lv not in levels_ok:
                    problems.append('unit %s: level code %r does not exist in the seeds' % (uc, lv))
                per_level[lv] += 1
            vocabulary_problems('unit %s' % uc, u, problems)
            als = u.get('alignments') or []
            if not als:
                problems.append('unit %s: no alignment' % uc)
            for a in als:
                fw, goal = a.get('framework'), a.get('goal')
                goals_used[(fw, goal)] += 1
                if a.get('confidence') not in CONF:
                    problems.append('unit %s: alignment confidence %r' % (uc, a.get('confidence')))
                if not a.get('rationale'):
                    problems.append('unit %s: alignment %s/%s without rationale' % (uc, fw, goal))
                if a.get('confidence') == 'verbatim' and not a.get('source_url'):
                    problems.append('unit %s: verbatim alignment %s/%s needs source_url' % (uc, fw, goal))
                if fw not in fw_codes:
                    problems.append('unit %s: framework %r not in frameworks.json' % (uc, fw))
                elif fw in slo_fw:
                    if goal not in kd or not re.match(slo_fw[fw], goal):
                        problems.append('unit %s: %s goal %r not an SLO kerndoel prefix of that framework' % (uc, fw, goal))
                    elif a.get('goal_id') not in kd[goal]:
                        problems.append('unit %s: %s goal_id %r does not match %s' % (uc, fw, a.get('goal_id'), goal))
                elif (fw, goal) not in fw_goals:
                    problems.append('unit %s: goal %s:%s does not resolve in frameworks.json' % (uc, fw, goal))

    for code, n in seen.items():
        if n > 1:
            problems.append('code %s used %d times' % (code, n))

    print('programmes: %d, units: %d' % (len(doc.get('programmes', [])), n_units))
    print('units per planning level:')
    for lv in PLAN_LEVELS:
        flag = '' if per_level[lv] >= MIN_UNITS_PER_LEVEL else '   <-- fewer than %d' % MIN_UNITS_PER_LEVEL
        print('  %-10s %3d%s' % (lv, per_level[lv], flag))
        if per_level[lv] < MIN_UNITS_PER_LEVEL:
            problems.append('level %s has %d units (< %d)' % (lv, per_level[lv], MIN_UNITS_PER_LEVEL))
    other = sorted(k for k in per_level if k not in PLAN_LEVELS)
    print('other levels: ' + ', '.join('%s %d' % (k, per_level[k]) for k in other))
    print('evidence levels: ' + ', '.join('%s %d' % (k, v) for k, v in sorted(evidence_used.items())))
    print('goals used (framework / goal: alignments):')
    for (fw, goal), n in sorted(goals_used.items()):
        print('  %-16s %-26s %3d' % (fw, goal, n))

    if problems:
        print('\nPROBLEMS (%d):' % len(problems))
        for p in problems:
            print('  - ' + p)
        return 1
    print('\nOK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
