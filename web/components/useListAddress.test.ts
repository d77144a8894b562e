import { describe, expect, it } from 'vitest';
import { pageOf, withChanges, withoutFilters } from './useListAddress.ts';

const address = (query: string) => new URLSearchParams(query);

describe('the page number in a list address', () => {
  it.each([
    ['', 1],
    ['page=3', 3],
    ['page=0', 1],
    ['page=-2', 1],
    ['page=2.5', 1],
    ['page=dua', 1],
  ])('reads "%s" as page %i', (query, page) => {
    expect(pageOf(address(query))).toBe(page);
  });
});

describe('changing a list address', () => {
  it('sets a new filter and goes back to the first page', () => {
    expect(withChanges(address('q=budi&page=4'), { block: 'A' }).toString()).toBe('q=budi&block=A');
  });

  it('removes a setting given as empty or undefined', () => {
    expect(withChanges(address('q=budi&block=A&sort=admission'), { block: '', sort: undefined }).toString()).toBe('q=budi');
  });

  it('keeps the other settings when only the page changes', () => {
    expect(withChanges(address('q=budi&facilityId=u1&page=2'), { page: '3' }).toString()).toBe('q=budi&facilityId=u1&page=3');
  });

  it('leaves the address it was given as it was', () => {
    const before = address('q=budi&page=2');
    withChanges(before, { q: 'sri' });
    expect(before.toString()).toBe('q=budi&page=2');
  });
});

describe('clearing the filters of a list address', () => {
  it('keeps only the settings asked for', () => {
    expect(withoutFilters(address('q=budi&block=A&sort=admission&page=3'), ['sort']).toString()).toBe('sort=admission');
  });

  it('keeps nothing by default', () => {
    expect(withoutFilters(address('q=budi&facilityId=u1'), []).toString()).toBe('');
  });
});
