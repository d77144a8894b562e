import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../../../shared/contracts/record.ts';

/** The kinds chosen in the address (`?kinds=session,urine`), in the pathway's order; unknown words are ignored. */
export function kindsFrom(search: URLSearchParams): TimelineKind[] {
  const asked = new Set((search.get('kinds') ?? '').split(','));
  return TIMELINE_KINDS.filter((kind) => asked.has(kind));
}

/** The address value of a choice of kinds; undefined (no setting) when none is chosen. */
export function kindsValue(kinds: readonly string[]): string | undefined {
  const chosen = TIMELINE_KINDS.filter((kind) => kinds.includes(kind));
  return chosen.length > 0 ? chosen.join(',') : undefined;
}

export interface TimelineDay {
  day: string;
  entries: TimelineEntry[];
}

/** Entries (newest first) gathered by their day, keeping their order. */
export function groupByDay(entries: readonly TimelineEntry[]): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (const entry of entries) {
    const day = entry.at.slice(0, 10);
    const last = days[days.length - 1];
    if (last && last.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}
