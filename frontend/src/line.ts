// The continuous line as a matrix of themes (down) and levels (across):
// which planned units treat a theme at a level, where a theme is missing
// (a gap) and where it stops and comes back later (a break).  Plain
// TypeScript: the picture and its table equivalent both draw this.

/** The themes of the units, in the order the proposed leerlijn builds them up (docs/units.md). */
export const THEME_ORDER = [
  'lichaam en grenzen', 'gevoelens', 'online veiligheid', 'weerbaarheid', 'hulp zoeken',
  'vriendschap', 'relaties en seksualiteit', 'zelfbeeld en zelfvertrouwen', 'mediawijsheid', 'normen en waarden',
  'grooming en sextortion', 'loverboys en seksuele uitbuiting', 'criminele uitbuiting',
];

export interface LineInput {
  level: string;
  title: string;
  of_school: boolean;
  years: { items: { kind: string; lesson: { title: string; themes?: string[] } | null }[] }[];
}

/** planned: units treat the theme here; gap: nothing; break: nothing here, but before and after. */
export type LineState = 'planned' | 'gap' | 'break';

export interface LineCell {
  units: string[];
  state: LineState;
}

export interface LineMatrix {
  themes: string[];
  levels: { code: string; title: string }[];
  /** cells[theme][level] */
  cells: LineCell[][];
}

/** The matrix of the school's levels over every school year of the line. */
export function lineMatrix(levels: LineInput[]): LineMatrix {
  const ofSchool = levels.filter((l) => l.of_school);
  const seen = new Set<string>();
  const units = ofSchool.map(() => new Map<string, Set<string>>());
  ofSchool.forEach((l, i) => {
    for (const y of l.years) {
      for (const it of y.items) {
        if (it.kind !== 'les' || !it.lesson) continue;
        for (const t of it.lesson.themes ?? []) {
          seen.add(t);
          const m = units[i];
          if (!m.has(t)) m.set(t, new Set());
          m.get(t)?.add(it.lesson.title);
        }
      }
    }
  });
  const themes = [...THEME_ORDER, ...[...seen].filter((t) => !THEME_ORDER.includes(t)).sort()];
  const cells = themes.map((t) => {
    const row = units.map((m) => [...(m.get(t) ?? [])].sort());
    const first = row.findIndex((u) => u.length > 0);
    const last = row.length - 1 - [...row].reverse().findIndex((u) => u.length > 0);
    return row.map((u, i): LineCell => ({
      units: u,
      state: u.length > 0 ? 'planned' : first !== -1 && i > first && i < last ? 'break' : 'gap',
    }));
  });
  return { themes, levels: ofSchool.map((l) => ({ code: l.level, title: l.title })), cells };
}
