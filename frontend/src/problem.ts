// Turns an API answer that went wrong into a message in plain Dutch.
//
// The API answers errors with RFC 9457 problem documents whose `detail` is
// Dutch text written for users (never database text), and `errors` lists
// the fields at fault.  Anything else (a bare 413 from the web server, an
// HTML page of a proxy, no answer at all) gets a message by status.

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
  candidates?: { id: string; framework: string; code: string | null; title: string }[];
}

export interface UserMessage {
  /** One sentence that says what went wrong and what to do. */
  text: string;
  /** Per field: "Niveau: onbekende code". */
  fields: string[];
}

/** The Dutch names of the fields and parameters the API reports. */
export const FIELD_LABELS: Record<string, string> = {
  goal: 'Leerdoel',
  framework: 'Kader',
  related: 'Verwante doelen',
  level: 'Niveau',
  stage: 'Fase',
  theme: 'Thema',
  evidence: 'Erkenning',
  programme: 'Programma',
  max_minutes: 'Maximale duur',
  q: 'Zoektekst',
  code: 'Code',
  limit: 'Aantal per pagina',
  offset: 'Pagina',
  email: 'E-mailadres',
  password: 'Wachtwoord',
  region: 'Regio',
  // School-year planning
  school_year: 'Schooljaar',
  title: 'Naam',
  status: 'Status',
  note: 'Toelichting',
  kind: 'Soort',
  lesson_id: 'Les',
  class_name: 'Klas',
  week: 'Week',
  date: 'Datum',
  teacher_id: 'Leraar',
  given_on: 'Gegeven op',
  notes: 'Notities',
  safety_prepared: 'Voorbereiding veiligheid',
  // Coverage reports
  years: 'Schooljaren',
  via: 'Koppelingen',
  school: 'School',
  type: 'Soort school',
  overlap: 'Overlap vanaf',
  format: 'Formaat',
  // A school's own activities
  levels: 'Niveaus',
  duration_minutes: 'Duur',
  themes: "Thema's",
  goals: 'Leerdoelen',
  url: 'Link',
  summary: 'Samenvatting',
};

const BY_STATUS: Record<number, string> = {
  400: 'Het verzoek klopt niet. Controleer wat je hebt ingevuld.',
  401: 'Je bent niet (meer) ingelogd. Log opnieuw in.',
  403: 'Je hebt geen toegang tot deze gegevens.',
  404: 'Dit is niet gevonden. Misschien is het verwijderd of klopt de link niet.',
  405: 'Deze handeling is hier niet mogelijk.',
  409: 'Dit botst met een wijziging die intussen is gedaan. Laad de pagina opnieuw en probeer het nog eens.',
  412: 'Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe versie en doe je wijziging opnieuw.',
  413: 'Wat je wilt versturen is te groot.',
  415: 'De gegevens hebben een vorm die de server niet aanneemt.',
  422: 'Niet alle gegevens zijn goed ingevuld.',
  429: 'Te veel pogingen achter elkaar.',
  500: 'Er ging iets mis op de server. Probeer het later opnieuw.',
  502: 'De server is tijdelijk niet bereikbaar. Probeer het later opnieuw.',
  503: 'De dienst is tijdelijk niet beschikbaar. Probeer het over een paar minuten opnieuw.',
  504: 'De server reageerde niet op tijd. Probeer het later opnieuw.',
};

export const NETWORK_MESSAGE =
  'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.';

/** "over 1 minuut" / "over 30 seconden" from a Retry-After header. */
export function retryAfterText(value: string | null | undefined, now = Date.now()): string | null {
  if (value == null || value.trim() === '') return null;
  let seconds: number;
  if (/^\d+$/.test(value.trim())) {
    seconds = Number(value.trim());
  } else {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return null;
    seconds = Math.max(0, Math.round((at - now) / 1000));
  }
  if (seconds < 60) return seconds === 1 ? 'over 1 seconde' : `over ${seconds} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'over 1 minuut' : `over ${minutes} minuten`;
}

function isUserText(s: unknown): s is string {
  return typeof s === 'string' && s.trim().length > 0 && s.length <= 500;
}

function fallback(status: number): string {
  if (BY_STATUS[status]) return BY_STATUS[status];
  if (status >= 500) return BY_STATUS[500];
  if (status >= 400) return BY_STATUS[400];
  return `Onverwacht antwoord van de server (status ${status}).`;
}

/**
 * The message for an answer with this status and (when the answer was a
 * problem document) this problem.
 */
export function problemMessage(
  status: number,
  problem: Problem | null,
  retryAfter?: string | null,
): UserMessage {
  let text = problem && isUserText(problem.detail) ? problem.detail.trim() : fallback(status);
  if (status === 429 && !/opnieuw/i.test(text)) {
    const when = retryAfterText(retryAfter);
    text += when ? ` Probeer het ${when} opnieuw.` : ' Wacht even en probeer het dan opnieuw.';
  }
  const fields: string[] = [];
  for (const e of problem?.errors ?? []) {
    if (!e || typeof e.field !== 'string' || !isUserText(e.message)) continue;
    const label = FIELD_LABELS[e.field] ?? e.field;
    fields.push(`${label}: ${e.message}`);
  }
  return { text, fields };
}

/**
 * A form's problems at its fields: the messages for each field the form
 * has (the API's field names), and the rest as "Label: message" for a box
 * above the form.  A message at its field starts with a capital letter.
 */
export function problemsAtFields(errors: readonly FieldError[] | null | undefined, fields: readonly string[]):
  { at: Record<string, string[]>; rest: string[] } {
  const at: Record<string, string[]> = {};
  const rest: string[] = [];
  for (const e of errors ?? []) {
    if (!e || typeof e.field !== 'string' || !isUserText(e.message)) continue;
    const message = e.message.trim();
    if (fields.includes(e.field)) {
      (at[e.field] ??= []).push(message.charAt(0).toUpperCase() + message.slice(1));
    } else {
      rest.push(`${FIELD_LABELS[e.field] ?? e.field}: ${message}`);
    }
  }
  return { at, rest };
}
