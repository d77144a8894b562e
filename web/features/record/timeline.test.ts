import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/contracts/record.ts';
import { groupByDay, kindsFrom, kindsValue } from './timeline.ts';

const incident = (id: string, at: string): TimelineEntry => ({
  kind: 'incident', id, at, link: '/wbp/x/insiden', detail: { incidentKind: 'other' },
});

describe('the kinds in the address', () => {
  it('reads the known kinds in the order of the pathway and ignores the rest', () => {
    expect(kindsFrom(new URLSearchParams('kinds=urine,gossip,screening'))).toEqual(['screening', 'urine']);
  });

  it('reads no kinds from an address without them', () => {
    expect(kindsFrom(new URLSearchParams('page=2'))).toEqual([]);
  });

  it('writes a choice in the order of the pathway, and nothing for no choice', () => {
    expect(kindsValue(['task', 'note'])).toBe('note,task');
    expect(kindsValue([])).toBeUndefined();
  });
});

describe('entries by day', () => {
  it('gathers entries of one day under it, timed or not, keeping their order', () => {
    const days = groupByDay([
      incident('a', '2026-11-21T15:00:00+07:00'), incident('b', '2026-11-21'), incident('c', '2026-11-19T08:30:00+07:00'),
    ]);

    expect(days.map((d) => [d.day, d.entries.map((e) => e.id)])).toEqual([['2026-11-21', ['a', 'b']], ['2026-11-19', ['c']]]);
  });
});
