// The shapes of the API's JSON documents the web app reads.
//
// They come from api/openapi.json: `api-types.ts` is generated from it at
// build time (openapi-typescript, see scripts/frontend.sh) and never edited
// or committed.  Where the document states a field loosely (optional though
// always sent, or an object without its properties), `Refine` states it
// exactly, and the compiler checks that each refinement still fits the
// document's own type of the field.  So a field renamed, removed or retyped
// in the document fails the build (tsc) instead of failing in a browser.
// Only the coverage report, which the document describes in prose, is
// written out here by hand.

import type { components } from './api-types';

type S = components['schemas'];

/**
 * T with the fields of R stated more exactly.  Every field of R must be a
 * field of T, and R's type of it must be assignable to T's.
 */
export type Refine<T, R extends { [K in keyof R]: K extends keyof T ? T[K] : never }> = Omit<T, keyof R> & R;

/** A list of the API with paging (`total`, `limit`, `offset`, `items`). */
export type Page<T> = Omit<S['FrameworkList'], 'items'> & { items: T[] };

export type Framework = Refine<S['Framework'], {
  kind: string; publisher: string | null; year: number | null; version: string | null;
  status_note: string | null; source_url: string | null; note: string | null;
}>;

export type GoalNode = Refine<S['GoalNode'], {
  code: string | null; levels: string[]; status: string; description: string | null; children: GoalNode[];
}>;

export type GoalTree = Refine<S['GoalTree'], { goals: GoalNode[] }>;

/** A goal named in another document: GoalRef, with what GoalBrief adds. */
export type GoalRef = S['GoalRef'] & Partial<Pick<S['GoalBrief'], 'kind' | 'status' | 'confidence'>>;

export type GoalDetail = Refine<S['Goal'], {
  code: string | null; description: string | null; source_url: string | null; note: string | null;
}>;

export type Level = Refine<S['Levels']['levels'][number], {
  id: string; code: string; title: string; kind: string; stage: string | null; sort_order: number;
  plannable: boolean; status: string;
}>;

export type Stage = { code: string; title: string; sector: string; sort_order: number; description: string | null };

export type Levels = Refine<S['Levels'], { stages: Stage[]; levels: Level[] }>;

export type LessonHit = Refine<S['LessonSummary'], {
  code: string; title_is_placeholder: boolean; summary: string | null;
  programme: { code: string; title: string } | null; levels_as_published: string | null;
  duration_minutes: number | null; format: string | null; evidence_level: string; sensitive_topic: boolean;
}>;

export type LessonPage = Refine<S['LessonList'], { items: LessonHit[]; related: NonNullable<S['LessonList']['related']>; goal: GoalRef | null }>;

export type Warning = S['Warning'];

export type Alignment = S['Lesson']['alignments'][number];

/** One of the key messages (kernboodschappen) of a lesson. */
export type KeyMessage = {
  number: number;
  title: string;
  text?: string;
  items?: string[];
  closing?: string;
  about_others_title?: string;
  about_others?: string[];
};

export type HelpResource = S['Lesson']['help_resources'][number];

export type Lesson = Refine<S['Lesson'], {
  key_messages: KeyMessage[]; programmes: NonNullable<S['Lesson']['programmes']>; duration_minutes: number | null;
}>;

// --- School-year planning --------------------------------------------------------

export type PlanStatus = S['Plan']['status'];
export type ItemStatus = S['PlanItem']['status'];
export type PlanWarning = S['PlanWarning'] & { other_item_id?: string };

export type PlanItem = Refine<S['PlanItem'], {
  lesson: {
    id: string; code: string | null; title: string; programme: string | null; sensitive_topic: boolean;
    kind?: NonNullable<S['PlanItem']['lesson']>['kind']; own?: boolean;
  } | null;
  level_title: string;
  class_name: string | null;
  week: string | null;
  date: string | null;
  starts_on: string;
  ends_on: string;
  teacher: { id: string; display_name: string } | null;
  given_on: string | null;
  notes: string | null;
  safety_prepared: boolean;
}>;

export type Plan = Refine<S['Plan'], {
  school: { id: string; name: string; region: string };
  note: string | null;
  copied_from: string | null;
  items: PlanItem[];
}>;

export type PlanSummary = Refine<S['PlanList']['plans'][number], { status: PlanStatus }> & { item_count?: number };

export type CalendarWeek = Refine<S['Calendar']['weeks'][number], {
  holiday: { name: string; status: string; optional: boolean } | null;
}>;

export type SchoolCalendar = Refine<S['Calendar'], { region: NonNullable<S['Calendar']['region']>; weeks: CalendarWeek[] }>;

export type Template = S['Template'];
export type TemplateSummary = S['TemplateList']['templates'][number];

export type LeerlijnItem = {
  item_id: string;
  plan_id: string;
  plan_title: string;
  kind: 'les' | 'terugkommoment';
  lesson: { id: string; code: string; title: string; kind: string; themes: string[] } | null;
  week: string | null;
  date: string | null;
  status: ItemStatus;
  class_name: string | null;
};

export type Leerlijn = Refine<S['Leerlijn'], {
  school: { id: string; name: string; region: string; first_level: string | null; last_level: string | null };
  levels: {
    level: string;
    title: string;
    of_school: boolean;
    lessons: number;
    years: { school_year: string; items: LeerlijnItem[] }[];
  }[];
}>;

export type Member = Refine<S['Members']['items'][number], { display_name: string; email: string; disabled: boolean }>;

export type School = Refine<S['School'], { municipality: string | null; first_level: string | null; last_level: string | null }>;

/** A school's own activity (docs/units.md). */
export type Activity = Refine<S['Activity'], {
  summary: string | null; levels: string[]; duration_minutes: number | null; themes: string[];
  url: string | null; notes: string | null; planned: number;
}>;

export type ActivityList = Refine<S['ActivityList'], { items: Activity[] }>;

// --- Coverage reports (described in prose by api/openapi.json) ---------------------

export interface CoverageLevel { code: string; title: string; stage: string | null }

export interface SchoolCell { items: number; items_given: number; lessons: number; lessons_given: number; via_items: number }
export interface AggregateCell { schools: number; schools_given: number; share: number; schools_teaching?: number }

export interface CoverageGoal {
  id: string;
  code: string | null;
  title: string;
  kind: string | null;
  depth: number;
  leaf: boolean;
  cells: Record<string, SchoolCell | AggregateCell>;
  // school / plan scope
  covered?: boolean;
  given?: boolean;
  levels_planned?: string[];
  levels_given?: string[];
  paths?: { lesson: string; lesson_title: string; relation: string; via_goal: string; via_framework: string }[];
  // aggregate scope
  schools?: number;
  schools_given?: number;
  share?: number;
}

export interface CoverageFramework {
  code: string;
  title: string;
  // a lesson pack's own goal list, covered as the pack's own table says
  own_list?: boolean;
  goals_total: number;
  goals_covered: number;
  goals_given?: number;
  share?: number;
  goals: CoverageGoal[];
  stage_gaps?: { stage: string; stage_title: string; goals: { id: string; code: string | null; title: string }[] }[];
  line_breaks?: { domain: string; domain_title: string; stage: string; stage_title: string; break: boolean }[];
  overlaps?: { goal: string; goal_title: string; level: string; school_year: string; lessons: number; items: number }[];
}

export interface CoverageReport {
  scope: {
    kind: 'school' | 'plan' | 'schools';
    school?: { id: string; name: string; region: string; type: string };
    schools?: number;
    school_years: string[];
    plans?: { id: string; title: string; school_year: string; status: string }[];
    type?: string | null;
    region?: string | null;
  };
  generated_on: string;
  via: string;
  levels: CoverageLevel[];
  stages?: { code: string; title: string; levels: string[] }[];
  totals?: { items: number; items_given: number; lessons: number; lessons_given: number; items_out_of_level?: number };
  frameworks: CoverageFramework[];
  // items at a level their lesson is not meant for: listed, not counted
  out_of_level?: { lesson: string; lesson_title: string; level: string; level_title: string; school_year: string; items: number }[];
  share_of?: string;
  focus?: string;
  // the subject area the report is narrowed to, and those it offers
  area?: string | null;
  areas?: { title: string; frameworks: string[] }[];
}

// --- The proposed leerlijn (docs/units.md) ------------------------------------

export type ProposalItem = Refine<S['ProposalItem'], {
  level_title: string;
  stage: string;
  stage_title: string;
  lesson: { id: string; code: string | null; title: string; kind: string; own: boolean; sensitive_topic: boolean; evidence_level: string };
  step: number;
}>;

export type Proposal = Refine<S['Proposal'], {
  stages: { code: string; title: string; units: number }[];
  items: ProposalItem[];
  gaps: { level: string; level_title: string; stage: string; reason: string }[];
}>;

export type ProposalApplied = Refine<S['ProposalApplied'], {
  plans?: { id: string; school_year: string; title: string; items: number }[];
  template?: { id: string; title: string; items: number };
}>;
