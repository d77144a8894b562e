import { useSearchParams } from 'react-router-dom';
import { withChanges } from '../components/useListAddress.ts';
import { useUser } from './auth.tsx';

/**
 * The unit a page works on, kept in the address (`?upt=…`) with the page's other settings so the
 * page can be bookmarked and shared; the first of the user's units when none (or a foreign one)
 * is given.
 */
export function useChosenFacility() {
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const facility = user.facilities.find((f) => f.id === search.get('upt')) ?? user.facilities[0] ?? null;
  /** Sets (or, with null, removes) one setting in the address, keeping the others. */
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  return {
    facility,
    facilities: user.facilities,
    several: user.facilities.length > 1,
    search,
    setParam,
    /** Another unit, whose lists start again at their first page. */
    choose: (facilityId: string) => setSearch(withChanges(search, { upt: facilityId }), { replace: true }),
  };
}
