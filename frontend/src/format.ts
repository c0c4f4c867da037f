// Dutch words for the API's codes.

import type { Level, Levels, Stage } from './types';

/**
 * The erkenning levels of interventions (Samenwerkingsverband Erkenning van
 * Interventies) as the catalogue stores them (table evidence_level, seeded
 * by schema/migrations/0002_catalogue.sql).  The API has no list of its own for them.
 */
export const EVIDENCE_LEVELS: { code: string; title: string }[] = [
  { code: 'ERK-0', title: 'Goed beschreven' },
  { code: 'ERK-1', title: 'Goed onderbouwd' },
  { code: 'ERK-2', title: 'Effectief volgens eerste aanwijzingen' },
  { code: 'ERK-3', title: 'Effectief volgens goede aanwijzingen' },
  { code: 'ERK-4', title: 'Effectief volgens sterke aanwijzingen' },
  { code: 'ERK-NE', title: 'Niet erkend' },
  { code: 'unknown', title: 'Onbekend (de bron noemt geen erkenning)' },
];

export function evidenceTitle(code: string): string {
  return EVIDENCE_LEVELS.find((e) => e.code === code)?.title ?? code;
}

/** The Dutch word for a code by a table; an unknown code stays as it is. */
function words(table: Record<string, string>): (code: string) => string {
  return (code) => table[code] ?? code;
}

const CONFIDENCE: Record<string, string> = {
  verbatim: 'letterlijk uit de bron',
  paraphrase: 'in eigen woorden naar de bron',
  inferred: 'afgeleid, niet letterlijk in de bron',
};

const confidenceWord = words(CONFIDENCE);

export function confidenceText(c: string | null | undefined): string | null {
  return c ? confidenceWord(c) : null;
}

const FRAMEWORK_STATUS: Record<string, string> = {
  adopted: 'vastgesteld',
  concept: 'concept',
  deprecated: 'vervangen',
  current: 'geldig',
};

export const statusText = words(FRAMEWORK_STATUS);

const VIA: Record<string, string> = {
  goal: 'dit leerdoel',
  descendant: 'een onderliggend leerdoel',
  exactMatchOf: 'een gelijk leerdoel in een ander kader',
  isRelatedTo: 'een verwant leerdoel',
  isPartOf: 'een leerdoel waar dit deel van is',
  isPeerOf: 'een nevengeschikt leerdoel',
};

export const viaText = words(VIA);

export function severityText(s: string): string {
  return s === 'warning' ? 'Waarschuwing' : s === 'info' ? 'Ter informatie' : s;
}

export function durationText(minutes: number | null): string {
  if (minutes === null) return 'onbekend';
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}

/** "1 les" / "3 lessen" */
export function countText(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface LevelGroup {
  stage: Stage;
  levels: Level[];
}

/** The plannable levels grouped by stage, both in school order. */
export function groupLevels(data: Levels): LevelGroup[] {
  const stages = [...data.stages].sort((a, b) => a.sort_order - b.sort_order);
  return stages
    .map((stage) => ({
      stage,
      levels: data.levels
        .filter((l) => l.stage === stage.code && l.plannable && l.status === 'current')
        .sort((a, b) => a.sort_order - b.sort_order),
    }))
    .filter((g) => g.levels.length > 0);
}

/** "20 oktober 2025" for "2025-10-20"; the text itself when it is no date. */
export function dateText(iso: string | null | undefined): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso ?? '';
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A level as schools write it: "vwo 2", also where a list wrote "vwo, 2". */
export function levelName(title: string): string {
  return title.replace(/^(.*\S),\s+(\d+)$/, '$1 $2');
}

/**
 * Levels as schools write them, grouped by kind in the order given and
 * runs of years shortened: "groep 1–3, 5", "havo 2–3, vwo 2–3"; "" for
 * none.  Titles that end in no number stay as they are.
 */
export function levelsText(levels: { title: string }[]): string {
  const kinds = new Map<string, number[]>();
  for (const { title } of levels) {
    const name = levelName(title);
    const m = /^(.*\S)\s+(\d+)$/.exec(name);
    const [kind, n] = m ? [m[1], Number(m[2])] : [name, NaN];
    if (!kinds.has(kind)) kinds.set(kind, []);
    if (!Number.isNaN(n)) kinds.get(kind)!.push(n);
  }
  const parts: string[] = [];
  for (const [kind, ns] of kinds) {
    if (ns.length === 0) { parts.push(kind); continue; }
    const sorted = [...new Set(ns)].sort((a, b) => a - b);
    const runs: string[] = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
      i = j + 1;
    }
    parts.push(`${kind} ${runs.join(', ')}`);
  }
  return parts.join(', ');
}

/** A unit's kind as the finder names it ("les", "module", "eigen activiteit"). */
export function unitKindText(kind: string | null | undefined): string {
  switch (kind) {
    case 'module': return 'module';
    case 'programma': return 'heel programma';
    case 'project': return 'project';
    case 'activiteit': return 'eigen activiteit';
    default: return 'les';
  }
}

/** The host of a source address without "www." ("rutgers.nl"); the address itself when it is none. */
export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
