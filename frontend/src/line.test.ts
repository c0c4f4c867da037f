import { expect, test } from 'vitest';
import { lineMatrix, THEME_ORDER, type LineInput } from './line';

const les = (title: string, themes: string[]) => ({ kind: 'les', lesson: { title, themes } });
const level = (code: string, items: LineInput['years'][number]['items'], ofSchool = true): LineInput => ({
  level: code, title: code.replace('-', ' '), of_school: ofSchool, years: [{ items }],
});

test('lineMatrix: planned units, gaps and breaks per theme and level', () => {
  const m = lineMatrix([
    level('groep-1', [les('Kriebels 1', ['lichaam en grenzen'])]),
    level('groep-2', [{ kind: 'terugkommoment', lesson: { title: 'Kriebels 1', themes: ['lichaam en grenzen'] } }]),
    level('groep-3', [les('Kriebels 3', ['lichaam en grenzen', 'eigen thema']), les('Kriebels 3b', ['lichaam en grenzen'])]),
    level('groep-4', []),
    level('havo-1', [les('Elders', ['mediawijsheid'])], false),
  ]);
  expect(m.levels.map((l) => l.code)).toEqual(['groep-1', 'groep-2', 'groep-3', 'groep-4']);
  expect(m.themes).toEqual([...THEME_ORDER, 'eigen thema']);
  const body = m.cells[m.themes.indexOf('lichaam en grenzen')];
  expect(body.map((c) => c.state)).toEqual(['planned', 'break', 'planned', 'gap']);
  expect(body[2].units).toEqual(['Kriebels 3', 'Kriebels 3b']);
  // a follow-up moment is no unit of the theme; a level of another school is left out
  expect(body[1].units).toEqual([]);
  expect(m.cells[m.themes.indexOf('mediawijsheid')].every((c) => c.state === 'gap')).toBe(true);
  expect(m.cells[m.themes.indexOf('eigen thema')].map((c) => c.state)).toEqual(['gap', 'gap', 'planned', 'gap']);
});
