import { describe, expect, test } from 'vitest';
import { activityBody, activityLevels, draftOfActivity, emptyActivity, goalText, themeList, validateActivity, withGoal, withoutGoal, type ActivityDraft } from './activity';
import type { Activity } from './types';

const draft = (over: Partial<ActivityDraft>): ActivityDraft => ({ ...emptyActivity(), ...over });
const fields = (d: ActivityDraft, always?: string) => validateActivity(d, always).map((e) => e.field);

describe('the checks before the API is asked', () => {
  test('a title and a level are required', () => {
    expect(fields(draft({}))).toEqual(['title', 'levels']);
    expect(fields(draft({ title: '   ' }), 'groep-7')).toEqual(['title']);
    expect(fields(draft({ title: 'Gastles wijkagent' }), 'groep-7')).toEqual([]);
    expect(fields(draft({ title: 'Gastles wijkagent', levels: ['groep-8'] }))).toEqual([]);
  });

  test('the title counts characters, not UTF-16 units', () => {
    expect(fields(draft({ title: '🚓'.repeat(200), levels: ['groep-8'] }))).toEqual([]);
    expect(fields(draft({ title: 'é'.repeat(201), levels: ['groep-8'] }))).toEqual(['title']);
  });

  test.each([
    ['', true], ['45', true], ['1', true], ['1440', true],
    ['0', false], ['1441', false], ['4.5', false], ['-3', false], ['een uur', false], ['45 min', false],
  ])('duration %j is valid: %s', (duration, ok) => {
    expect(fields(draft({ title: 't', duration }), 'groep-7')).toEqual(ok ? [] : ['duration_minutes']);
  });

  test.each([
    ['', true], ['https://www.politie.nl/wijkagent', true], ['http://school.example/gastles', true],
    ['www.politie.nl', false], ['ftp://x.example', false], ['HTTPS://x.example', false], ['https://', false],
    ['https://a b.example', false], ['https://x.example/"a"', false], [`https://x.example/${'é'.repeat(245)}`, false],
    [`https://x.example/${'a'.repeat(490)}`, false],
  ])('link %j is valid: %s', (url, ok) => {
    expect(fields(draft({ title: 't', url }), 'groep-7')).toEqual(ok ? [] : ['url']);
  });

  test('themes: at most 20, each at most 100 characters; notes at most 4000', () => {
    const many = Array.from({ length: 21 }, (_, i) => `thema ${i}`).join(', ');
    expect(fields(draft({ title: 't', themes: many }), 'groep-7')).toEqual(['themes']);
    expect(fields(draft({ title: 't', themes: 'x'.repeat(101) }), 'groep-7')).toEqual(['themes']);
    expect(fields(draft({ title: 't', notes: 'x'.repeat(4001) }), 'groep-7')).toEqual(['notes']);
    expect(fields(draft({ title: 't', notes: ` ${'x'.repeat(4000)} ` }), 'groep-7')).toEqual([]);
  });

  test('every message is a Dutch sentence', () => {
    for (const e of validateActivity(draft({ duration: 'x', url: 'y', themes: 'z'.repeat(101) }))) {
      expect(e.message).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('themes and levels', () => {
  test('themes split at commas, trimmed, empty ones and repeats left out', () => {
    expect(themeList(' weerbaarheid,, grenzen ,Weerbaarheid, online  veiligheid ,')).toEqual(['weerbaarheid', 'grenzen', 'online veiligheid']);
    expect(themeList('')).toEqual([]);
  });

  test('the level planned now comes first and is never twice', () => {
    expect(activityLevels(draft({ levels: ['groep-8', 'groep-7'] }), 'groep-7')).toEqual(['groep-7', 'groep-8']);
    expect(activityLevels(draft({ levels: ['groep-8'] }))).toEqual(['groep-8']);
  });
});

describe('the request bodies', () => {
  const full = draft({ title: ' Gastles wijkagent ', levels: ['groep-8'], duration: ' 45 ', themes: 'veiligheid, grenzen', notes: ' Met de wijkagent ', url: ' https://www.politie.nl ' });

  test('a new activity: trimmed, numbers as numbers, empty fields left out', () => {
    expect(activityBody(full, { create: true, always: 'groep-7' })).toEqual({
      title: 'Gastles wijkagent', levels: ['groep-7', 'groep-8'], duration_minutes: 45,
      themes: ['veiligheid', 'grenzen'], notes: 'Met de wijkagent', url: 'https://www.politie.nl',
    });
    expect(activityBody(draft({ title: 'Gastles', notes: '  ' }), { create: true, always: 'groep-7' }))
      .toEqual({ title: 'Gastles', levels: ['groep-7'] });
  });

  test('a change sends emptied fields as null or [] so that they are cleared', () => {
    expect(activityBody(draft({ title: 'Gastles', levels: ['groep-8'] }), { create: false })).toEqual({
      title: 'Gastles', levels: ['groep-8'], duration_minutes: null, themes: [], goals: [], notes: null, url: null,
    });
  });

  test('learning goals: sent as ids, each once; a change sends [] to clear them', () => {
    const g1 = { id: 'g1', framework: 'CNU-DG-2019', code: 'DG2.1', title: 'Veilig online' };
    const g2 = { id: 'g2', framework: 'SLO-KD-PO', code: null, title: 'Grenzen' };
    const goals = withoutGoal(withGoal(withGoal(withGoal([], g1), g2), g1), 'nope');
    expect(goals).toEqual([g1, g2]);
    expect(activityBody(draft({ title: 'Gastles', goals }), { create: true, always: 'groep-7' }))
      .toEqual({ title: 'Gastles', levels: ['groep-7'], goals: ['g1', 'g2'] });
    expect(activityBody(draft({ title: 'Gastles', levels: ['groep-8'], goals: withoutGoal(goals, 'g1') }), { create: false }).goals).toEqual(['g2']);
    expect(goalText(g1)).toBe('DG2.1 – Veilig online (CNU-DG-2019)');
    expect(goalText(g2)).toBe('Grenzen (SLO-KD-PO)');
    expect(fields(draft({ title: 'Gastles', levels: ['groep-7'], goals: Array.from({ length: 51 }, (_, i) => ({ ...g2, id: `g${i}` })) }))).toEqual(['goals']);
  });

  test('an activity of the API back into the form and out again', () => {
    const a = {
      id: 'a1', school_id: 's1', kind: 'activiteit', title: 'Gastles wijkagent', summary: null, levels: ['groep-7', 'groep-8'],
      duration_minutes: 45, themes: ['veiligheid', 'grenzen'], target_groups: [], sensitive_topic: false,
      url: null, notes: 'Met de wijkagent', goals: [], offered: false, planned: 1, version: 3,
    } as Activity;
    const d = draftOfActivity(a);
    expect(d).toEqual({ title: 'Gastles wijkagent', levels: ['groep-7', 'groep-8'], duration: '45', themes: 'veiligheid, grenzen', notes: 'Met de wijkagent', url: '', goals: [] });
    expect(activityBody(d, { create: false })).toEqual({
      title: 'Gastles wijkagent', levels: ['groep-7', 'groep-8'], duration_minutes: 45, themes: ['veiligheid', 'grenzen'], goals: [], notes: 'Met de wijkagent', url: null,
    });
  });
});
