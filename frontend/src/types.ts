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
