import { describe, expect, test } from 'vitest';
import { confidenceText, countText, durationText, groupLevels, levelName, levelsText, sourceHost, statusText, unitKindText, viaText } from './format';
import type { Levels } from './types';

test('groupLevels keeps school order and drops non-plannable levels', () => {
  const data = {
    stages: [
      { code: 'vo-onderbouw', title: 'Onderbouw vo', sector: 'vo', sort_order: 40, description: null },
      { code: 'po-bovenbouw', title: 'Bovenbouw po', sector: 'po', sort_order: 20, description: null },
      { code: 'mbo', title: 'Mbo', sector: 'mbo', sort_order: 80, description: null },
    ],
    levels: [
      { id: '1', code: 'havo-1', title: 'havo 1', kind: 'leerjaar', stage: 'vo-onderbouw', sort_order: 130, plannable: true, status: 'current' },
      { id: '2', code: 'groep-8', title: 'groep 8', kind: 'leerjaar', stage: 'po-bovenbouw', sort_order: 80, plannable: true, status: 'current' },
      { id: '3', code: 'groep-5', title: 'groep 5', kind: 'leerjaar', stage: 'po-bovenbouw', sort_order: 50, plannable: true, status: 'current' },
      { id: '4', code: 'ob-havo', title: 'ob havo', kind: 'sector', stage: 'vo-onderbouw', sort_order: 500, plannable: false, status: 'current' },
      { id: '5', code: '1f', title: '1F', kind: 'referentieniveau', stage: null, sort_order: 900, plannable: false, status: 'current' },
    ],
  } satisfies Levels;
  const groups = groupLevels(data);
  expect(groups.map((g) => g.stage.code)).toEqual(['po-bovenbouw', 'vo-onderbouw']);
  expect(groups[0].levels.map((l) => l.code)).toEqual(['groep-5', 'groep-8']);
  expect(groups[1].levels.map((l) => l.code)).toEqual(['havo-1']);
});

test('durations and counts in Dutch', () => {
  expect(durationText(null)).toBe('onbekend');
  expect(durationText(1)).toBe('1 minuut');
  expect(durationText(45)).toBe('45 minuten');
  expect(countText(1, 'les', 'lessen')).toBe('1 les');
  expect(countText(0, 'les', 'lessen')).toBe('0 lessen');
});

describe('levels as schools write them', () => {
  test('runs of one kind are shortened, others listed', () => {
    expect(levelsText([{ title: 'groep 1' }, { title: 'groep 2' }, { title: 'groep 3' }])).toBe('groep 1–3');
    expect(levelsText([{ title: 'havo 2' }, { title: 'havo 3' }, { title: 'vwo 2' }, { title: 'vwo 3' }])).toBe('havo 2–3, vwo 2–3');
    expect(levelsText([{ title: 'groep 6' }, { title: 'groep 8' }, { title: 'praktijkonderwijs' }])).toBe('groep 6, 8, praktijkonderwijs');
    expect(levelsText([{ title: 'vmbo bb, 2' }, { title: 'vwo, 2' }, { title: 'vmbo bb, 3' }, { title: 'vwo, 3' }])).toBe('vmbo bb 2–3, vwo 2–3');
    expect(levelName('vwo, 2')).toBe('vwo 2');
    expect(levelName('groep 1')).toBe('groep 1');
    expect(levelsText([])).toBe('');
  });
});

test('unitKindText names every kind of unit in Dutch', () => {
  expect(['les', 'module', 'programma', 'project', 'activiteit', undefined].map(unitKindText))
    .toEqual(['les', 'module', 'heel programma', 'project', 'eigen activiteit', 'les']);
});

test('sourceHost shows where a source lives', () => {
  expect(sourceHost('https://www.rutgers.nl/onderwijs/kriebels')).toBe('rutgers.nl');
  expect(sourceHost('geen adres')).toBe('geen adres');
});

test('codes in Dutch words; an unknown code stays as it is', () => {
  expect(confidenceText('verbatim')).toBe('letterlijk uit de bron');
  expect(confidenceText(null)).toBeNull();
  expect(confidenceText('')).toBeNull();
  expect(confidenceText('guessed')).toBe('guessed');
  expect(statusText('deprecated')).toBe('vervangen');
  expect(statusText('draft')).toBe('draft');
  expect(viaText('exactMatchOf')).toBe('een gelijk leerdoel in een ander kader');
  expect(viaText('other')).toBe('other');
});
