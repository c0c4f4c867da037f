// The shapes of the API's JSON documents the web app reads (see README, "API").

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface Framework {
  code: string;
  kind: string; // "goals" or "vocabulary"
  title: string;
  publisher: string | null;
  year: number | null;
  version: string | null;
  status: string; // "adopted", "concept", "deprecated", ...
  status_note: string | null;
  source_url: string | null;
  note: string | null;
  goal_count: number;
}

export interface GoalNode {
  id: string;
  code: string | null;
  kind: string | null;
  title: string;
  levels: string[];
  status: string;
  confidence: string | null;
  description: string | null;
  children: GoalNode[];
}

export interface GoalTree {
  framework: { code: string; title: string };
  goals: GoalNode[];
}

export interface GoalRef {
  id: string;
  framework: string;
  code: string | null;
  title: string;
  kind?: string | null;
  status?: string;
  confidence?: string | null;
}

export interface GoalDetail {
  id: string;
  framework: { code: string; title: string };
  code: string | null;
  kind: string | null;
  title: string;
  description: string | null;
  status: string;
  source_url: string | null;
  confidence: string | null;
  note: string | null;
  levels: { code: string; title: string }[];
  ancestors: GoalRef[];
  children: GoalRef[];
  relations: {
    id: string;
    type: string;
    direction: 'incoming' | 'outgoing';
    goal: GoalRef;
    confidence: string | null;
    note: string | null;
  }[];
}

export interface Level {
  id: string;
  code: string;
  title: string;
  kind: string;
  stage: string | null;
  sort_order: number;
  plannable: boolean;
  status: string;
}

export interface Stage {
  code: string;
  title: string;
  sector: string;
  sort_order: number;
  description: string | null;
}

export interface Levels {
  stages: Stage[];
  levels: Level[];
}

export interface LessonHit {
  id: string;
  code: string;
  title: string;
  title_is_placeholder: boolean;
  summary: string | null;
  programme: { code: string; title: string } | null;
  levels: { code: string; title: string }[];
  levels_as_published: string | null;
  duration_minutes: number | null;
  themes: string[];
  format: string | null;
  evidence_level: string;
  sensitive_topic: boolean;
  matched?: { goal: GoalRef; via: string; scope: string }[];
}

export interface LessonPage extends Page<LessonHit> {
  related: string;
  goal: GoalRef | null;
}

export interface Warning {
  code: string;
  severity: 'warning' | 'info' | string;
  message: string;
}

export interface Alignment {
  id: string;
  scope: string;
  goal: GoalRef;
  emphasis: string | null;
  published_label: string | null;
  published_code: string | null;
  published_context: string | null;
  confidence: string | null;
  note: string | null;
  warnings: Warning[];
}

export interface KeyMessage {
  number: number;
  title: string;
  text?: string;
  items?: string[];
  closing?: string;
  about_others_title?: string;
  about_others?: string[];
}

export interface HelpResource {
  name: string;
  as_printed: string | null;
  url: string | null;
  description: string | null;
}

export interface Lesson {
  id: string;
  code: string;
  title: string;
  title_is_placeholder: boolean;
  title_note: string | null;
  summary: string | null;
  summary_note: string | null;
  programmes: { code: string; title: string; url: string | null; providers: string[] }[];
  levels: { code: string; title: string }[];
  levels_as_published: string | null;
  duration_minutes: number | null;
  duration_note: string | null;
  themes: string[];
  format: string | null;
  language: string | null;
  evidence_level: { code: string; title: string } | null;
  evidence_note: string | null;
  key_messages: KeyMessage[];
  teacher_preparation: string | null;
  safety_intro: string | null;
  safety_quote: string | null;
  safety_checklist: string[];
  sensitive_topic: boolean;
  status: string;
  version: number;
  note: string | null;
  alignments: Alignment[];
  warnings: (Warning & { alignment_id: string; goal_id: string })[];
  help_resources: HelpResource[];
}

// --- School-year planning (README "School-year planning") ----------------

export type PlanStatus = 'concept' | 'vastgesteld' | 'gearchiveerd';
export type ItemStatus = 'gepland' | 'gegeven' | 'vervallen';

export interface PlanWarning {
  code: string;
  message: string;
  level?: string;
  item_id?: string;
  other_item_id?: string;
  holiday?: string;
}

export interface PlanItem {
  id: string;
  plan_id: string;
  kind: 'les' | 'terugkommoment';
  lesson: { id: string; code: string; title: string; programme: string | null; sensitive_topic: boolean } | null;
  level: string;
  level_title: string;
  class_name: string | null;
  week: string | null;
  date: string | null;
  starts_on: string;
  ends_on: string;
  teacher: { id: string; display_name: string } | null;
  status: ItemStatus;
  given_on: string | null;
  notes: string | null;
  safety_prepared: boolean;
  version: number;
  warnings: PlanWarning[];
}

export interface Plan {
  id: string;
  title: string;
  school: { id: string; name: string; region: string };
  school_year: string;
  status: PlanStatus;
  note: string | null;
  version: number;
  copied_from: string | null;
  items: PlanItem[];
  warnings: PlanWarning[];
}

export interface PlanSummary {
  id: string;
  title: string;
  school_year: string;
  status: PlanStatus;
  version: number;
  items?: number;
  item_count?: number;
  [k: string]: unknown;
}

export interface CalendarWeek {
  week: string;
  monday: string;
  holiday: { name: string; status: string; optional: boolean } | null;
}

export interface SchoolCalendar {
  school_year: string;
  region: string;
  starts_on: string;
  ends_on: string;
  weeks: CalendarWeek[];
}

export interface LeerlijnItem {
  item_id: string;
  plan_id: string;
  plan_title: string;
  kind: 'les' | 'terugkommoment';
  lesson: { id: string; code: string; title: string } | null;
  week: string | null;
  date: string | null;
  status: ItemStatus;
  class_name: string | null;
}

export interface Leerlijn {
  school: { id: string; name: string; region: string; first_level: string | null; last_level: string | null };
  school_years: string[];
  levels: {
    level: string;
    title: string;
    of_school: boolean;
    lessons: number;
    years: { school_year: string; items: LeerlijnItem[] }[];
  }[];
}

export interface Member {
  user_id: string;
  display_name: string;
  email: string;
  role: string;
  disabled: boolean;
}

export interface School {
  id: string;
  name: string;
  region: string;
  type: string;
  first_level: string | null;
  last_level: string | null;
  municipality: string | null;
}

// --- Coverage reports -----------------------------------------------------

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
}
