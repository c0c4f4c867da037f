// The plan's coverage of the goals, per framework.

import { useEffect, useState } from 'preact/hooks';
import { apiPath, getJson } from '../../api';
import { ErrorBox, toUserMessage } from '../../components/common';
import { countedText } from '../../coverage';
import type { UserMessage } from '../../problem';
import { href } from '../../router';
import type { CoverageReport, Plan } from '../../types';

/** Per framework, how many of its goals the plan covers (GET /plans/{id}/coverage). */
export function PlanCoverage({ plan }: { plan: Plan }) {
  const [load, setLoad] = useState<{ report: CoverageReport | null; error: UserMessage | null }>({ report: null, error: null });
  useEffect(() => {
    const ctl = new AbortController();
    getJson<CoverageReport>(apiPath(`/plans/${plan.id}/coverage`), ctl.signal).then(
      (report) => setLoad({ report, error: null }),
      (err) => { if (!ctl.signal.aborted) setLoad({ report: null, error: toUserMessage(err).error }); });
    return () => ctl.abort();
  }, [plan.id, plan.version]);
  return (
    <section aria-labelledby="plan-coverage">
      <h2 id="plan-coverage">Dekking van de leerdoelen</h2>
      {load.error && <ErrorBox error={load.error} title="De dekking kon niet worden berekend" />}
      {load.report?.totals && <p class="small plan-counted">{countedText(load.report.totals)}</p>}
      {load.report && (load.report.frameworks.length === 0 ? <p>Dit jaarplan dekt nog geen leerdoelen.</p> : (
        <ul class="plain-list plan-coverage">
          {load.report.frameworks.map((fw) => (
            <li key={fw.code}>
              <a href={href({ name: 'coverage', params: new URLSearchParams({ kader: fw.code, school: plan.school.id, jaar: plan.school_year }) })}>{fw.title}</a>:
              {' '}{fw.goals_covered} van de {fw.goals_total} doelen gepland, {fw.goals_given ?? 0} gegeven
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}

