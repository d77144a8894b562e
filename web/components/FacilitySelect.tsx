import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useUser } from '../app/auth.tsx';

/** A choice among the units the user works in. */
export function FacilitySelect({ value, onChoose, ...props }: Omit<NativeSelectProps, 'data' | 'onChange' | 'value'> & {
  value: string;
  onChoose: (facilityId: string) => void;
}) {
  const user = useUser();
  return (
    <NativeSelect
      {...props}
      value={value}
      onChange={(e) => onChoose(e.currentTarget.value)}
      data={user.facilities.map((f) => ({ value: f.id, label: f.name }))}
    />
  );
}
