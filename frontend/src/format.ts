// Dutch words for the API's codes.

import type { Level, Levels, Stage } from './types';

/**
 * The erkenning levels of interventions (Samenwerkingsverband Erkenning van
 * Interventies) as the catalogue stores them (table evidence_level, seeded
 * by schema/0002_catalogue.sql).  The API has no list of its own for them.
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

const CONFIDENCE: Record<string, string> = {
  verbatim: 'letterlijk uit de bron',
  paraphrase: 'in eigen woorden naar de bron',
  inferred: 'afgeleid, niet letterlijk in de bron',
};

export function confidenceText(c: string | null | undefined): string | null {
  if (!c) return null;
  return CONFIDENCE[c] ?? c;
}

const FRAMEWORK_STATUS: Record<string, string> = {
  adopted: 'vastgesteld',
  concept: 'concept',
  deprecated: 'vervangen',
  current: 'geldig',
};

export function statusText(s: string): string {
  return FRAMEWORK_STATUS[s] ?? s;
}

const VIA: Record<string, string> = {
  goal: 'dit leerdoel',
  descendant: 'een onderliggend leerdoel',
  exactMatchOf: 'een gelijk leerdoel in een ander kader',
  isRelatedTo: 'een verwant leerdoel',
  isPartOf: 'een leerdoel waar dit deel van is',
  isPeerOf: 'een nevengeschikt leerdoel',
};

export function viaText(via: string): string {
  return VIA[via] ?? via;
}

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

/**
 * Levels as schools write them, runs shortened: "groep 1–8",
 * "havo 2–3, vwo 2–3"; "" for none.  Titles that end in no number stay
 * as they are.
 */
export function levelsText(levels: { title: string }[]): string {
  const parts: string[] = [];
  let run: { base: string; from: number; to: number } | null = null;
  const flush = () => {
    if (run) parts.push(run.from === run.to ? `${run.base} ${run.from}` : `${run.base} ${run.from}–${run.to}`);
    run = null;
  };
  for (const { title } of levels) {
    const m = /^(.*\S)\s+(\d+)$/.exec(title);
    if (!m) { flush(); parts.push(title); continue; }
    const n = Number(m[2]);
    if (run && run.base === m[1] && n === run.to + 1) { run.to = n; continue; }
    flush();
    run = { base: m[1], from: n, to: n };
  }
  flush();
  return parts.join(', ');
}
