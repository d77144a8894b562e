import { useSearchParams } from 'react-router-dom';
import { withChanges } from '../components/useListAddress.ts';
import type { Permission } from '../../shared/domain/permissions.ts';
import { unitsFor } from './access.ts';
import { useUser } from './auth.tsx';

/**
 * The unit a page works on, kept in the address (`?upt=…`) with the page's other settings so the
 * page can be bookmarked and shared; the first of the user's units when none (or a foreign one)
 * is given. With `permission` (what the page does in the unit), only the units where the user may
 * use it are offered: for partner staff, those whose agreements cover it.
 */
export function useChosenFacility(permission?: Permission) {
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const facilities = permission ? unitsFor(user, permission) : user.facilities;
  const facility = facilities.find((f) => f.id === search.get('upt')) ?? facilities[0] ?? null;
  /** Sets (or, with null, removes) one setting in the address, keeping the others. */
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  return {
    facility,
    facilities,
    several: facilities.length > 1,
    search,
    setParam,
    /** Another unit, whose lists start again at their first page. */
    choose: (facilityId: string) => setSearch(withChanges(search, { upt: facilityId }), { replace: true }),
  };
}
