import { useCallback, useEffect, useRef, useState } from 'react';
import type { RehabClass, Recommendation } from '../../../shared/contracts/clinical.ts';
import type { FormulirData } from '../../../shared/instruments/index.ts';
import { ApiError } from '../../app/api.ts';
import { saveAssessment, type AssessmentRecord } from './api.ts';

/** What the assessor edits; the server derives everything else (composites, class, placement). */
export interface Draft {
  form: FormulirData;
  teamClass: RehabClass | null;
  recommendation: Recommendation | null;
  overrideReason: string | null;
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict' };

export const AUTOSAVE_DELAY_MS = 1500;

export function draftOf(record: AssessmentRecord): Draft {
  return {
    form: record.form,
    teamClass: record.teamClass,
    recommendation: record.recommendation,
    overrideReason: record.overrideReason,
  };
}

/**
 * Saves a draft assessment as the assessor types: ~1.5 s after the last change, with the version
 * last seen, one request at a time. A 409 (someone else saved, or it was signed) stops saving
 * until the page is reloaded, so nobody's work is overwritten silently.
 */
export function useAutosave(initial: AssessmentRecord, enabled: boolean, onSaved: (record: AssessmentRecord) => void) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [server, setServer] = useState<AssessmentRecord>(initial);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  const latest = useRef<Draft>(draft);
  const savedJson = useRef(JSON.stringify(draftOf(initial)));
  const version = useRef(initial.version);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const stopped = useRef(false);
  const serverRef = useRef<AssessmentRecord>(initial);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const flushRef = useRef<() => Promise<boolean>>(async () => true);

  const schedule = useCallback(() => {
    if (stopped.current) return;
    if (timer.current) clearTimeout(timer.current);
    setState({ kind: 'pending' });
    timer.current = setTimeout(() => {
      timer.current = null;
      void flushRef.current();
    }, AUTOSAVE_DELAY_MS);
  }, []);

  /** Saves now whatever is not saved yet; resolves true when everything is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    while (inFlight.current) await inFlight.current.catch(() => null);
    if (stopped.current) return false;
    const body = latest.current;
    const json = JSON.stringify(body);
    if (json === savedJson.current) return true;
    setState({ kind: 'saving' });
    const request = saveAssessment(initial.id, { ...body, version: version.current });
    inFlight.current = request;
    try {
      const record = await request;
      version.current = record.version;
      savedJson.current = json;
      serverRef.current = record;
      setServer(record);
      onSavedRef.current(record);
      if (JSON.stringify(latest.current) !== json) schedule();
      else setState({ kind: 'saved', at: new Date() });
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        stopped.current = true;
        setState({ kind: 'conflict' });
      } else {
        setState({ kind: 'error', error: err });
      }
      return false;
    } finally {
      inFlight.current = null;
    }
  }, [initial.id, schedule]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const update = useCallback(
    (change: (d: Draft) => Draft) => {
      if (!enabled || stopped.current) return;
      const next = change(latest.current);
      latest.current = next;
      setDraft(next);
      schedule();
    },
    [enabled, schedule],
  );

  /** The version to sign: the one of the last successful save. */
  const currentVersion = useCallback(() => version.current, []);
  /** The record and draft as they are now, for checks right after a flush (state has not re-rendered yet). */
  const currentServer = useCallback(() => serverRef.current, []);
  const currentDraft = useCallback(() => latest.current, []);

  // Leaving the page: save what is waiting instead of dropping it.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
        void flushRef.current();
      }
    },
    [],
  );

  // Closing the tab or reloading with unsaved changes: the browser asks first.
  const unsaved = state.kind === 'pending' || state.kind === 'saving' || state.kind === 'error';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return { draft, server, state, update, flush, currentVersion, currentServer, currentDraft };
}
