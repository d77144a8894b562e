import type { QueryClient } from '@tanstack/react-query';

/**
 * The cached parts of a person's care record that a save elsewhere may change, by the literal
 * prefixes of the features' query keys (each feature's api.ts). Features never import each other,
 * so a save refreshes the other screens' copies through these.
 */
const AREAS = {
  notes: (wbpId: string) => ['notes', wbpId],
  /** The active enrolments the note form offers. */
  enrolments: (wbpId: string) => ['notes', wbpId, 'enrolments'],
  incidents: (wbpId: string) => ['incidents', wbpId],
  urine: (wbpId: string) => ['urine', 'person', wbpId],
  progress: (wbpId: string) => ['progress', 'person', wbpId],
  /** The units' task lists: not one person's, so every list. */
  tasks: () => ['progress', 'tasks'],
  ptrm: (wbpId: string) => ['ptrm', wbpId],
  outcomes: (wbpId: string) => ['wbp', 'outcomes', wbpId],
  assessments: (wbpId: string) => ['clinical', 'assessments', wbpId],
} satisfies Record<string, (wbpId: string) => readonly unknown[]>;

export type CareArea = keyof typeof AREAS;

/** The person's timeline, every filter and page of it. */
const timeline = (wbpId: string) => ['record', 'timeline', wbpId];

/**
 * After a save to a person's care record: refreshes their timeline, which shows every save, and
 * the other areas the save changed.
 */
export function invalidateCareRecord(queryClient: QueryClient, wbpId: string, ...areas: CareArea[]): void {
  void queryClient.invalidateQueries({ queryKey: timeline(wbpId) });
  for (const area of new Set(areas)) void queryClient.invalidateQueries({ queryKey: AREAS[area](wbpId) });
}
