import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import type { Permission } from '../../shared/domain/permissions.ts';
import { unitsFor } from '../app/access.ts';
import { useUser } from '../app/auth.tsx';

/**
 * A choice among the units the user works in; with `permission` (what the page does in the unit),
 * only those where the user may use it, as `useChosenFacility(permission)` chooses among.
 */
export function FacilitySelect({ value, onChoose, permission, ...props }: Omit<NativeSelectProps, 'data' | 'onChange' | 'value'> & {
  value: string;
  onChoose: (facilityId: string) => void;
  permission?: Permission;
}) {
  const user = useUser();
  const units = permission ? unitsFor(user, permission) : user.facilities;
  return (
    <NativeSelect
      {...props}
      value={value}
      onChange={(e) => onChoose(e.currentTarget.value)}
      data={units.map((f) => ({ value: f.id, label: f.name }))}
    />
  );
}
