// Loading the plan into the planner's state, newest answer first.

import { useEffect, useReducer, useRef } from 'preact/hooks';
import { apiPath, request } from '../../api';
import { toUserMessage } from '../../components/common';
import { etagOf } from '../../planning';
import type { Plan } from '../../types';
import { initialPlanState, planReducer, type Loaded, type PlanAction, type PlanState } from './state';

/** GET the plan with its ETag. */
export async function fetchPlan(id: string, signal?: AbortSignal): Promise<Loaded<Plan>> {
  const res = await request<Plan>(apiPath(`/plans/${id}`), { signal });
  return { data: res.data, etag: res.headers.get('etag') ?? etagOf(res.data.version) };
}

/**
 * A loader of the plan: each load gets the next sequence number, and the
 * reducer drops an answer older than the one on screen (see state.ts).
 * Resolves with what the API answered (null on failure), shown or not.
 */
export function planLoader(get: () => Promise<Loaded<Plan>>, dispatch: (a: PlanAction) => void) {
  let seq = 0;
  return async function reload(): Promise<Loaded<Plan> | null> {
    const mine = ++seq;
    dispatch({ type: 'request', seq: mine });
    try {
      const plan = await get();
      dispatch({ type: 'loaded', seq: mine, plan });
      return plan;
    } catch (err) {
      dispatch({ type: 'load-failed', seq: mine, error: toUserMessage(err).error });
      return null;
    }
  };
}

/**
 * The plan `id` in the planner's state.  `latest` always holds the state as
 * last rendered, for changes that run after an await (the ETag they send
 * is that of the plan the user sees).
 */
export function usePlan(id: string, init: Partial<PlanState> = {}) {
  const [state, dispatch] = useReducer<PlanState, PlanAction>(planReducer, { ...initialPlanState, ...init });
  const latest = useRef(state);
  latest.current = state;
  const loader = useRef<{ id: string; reload: () => Promise<Loaded<Plan> | null> } | null>(null);
  if (loader.current?.id !== id) loader.current = { id, reload: planLoader(() => fetchPlan(id), dispatch) };
  const { reload } = loader.current;
  useEffect(() => { void reload(); }, [reload]);
  return { state, dispatch, reload, latest };
}
