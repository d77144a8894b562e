import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, Modal, Paper, SimpleGrid, Table, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roomBody } from '../../../shared/contracts/routine.ts';
import { formatNumber } from '../../app/format.ts';
import { numberOrNull, validate, type FieldErrors } from '../../app/validation.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { addRoom, routineKeys, updateRoom, type Room } from './api.ts';
import { EmptyNote, RoutineSection, useRoutineChange } from './SectionParts.tsx';

/** Rooms where sessions can be held, with how many people each takes. */
export function RoomsSection({ facilityId, rooms, canManage }: { facilityId: string; rooms: Room[]; canManage: boolean }) {
  const { t } = useTranslation();
  const editing = useDialog<Room>();
  const sorted = [...rooms].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'id'));
  return (
    <RoutineSection id="routine-rooms" title={t('routine.rooms.title')}>
      {sorted.length === 0 ? (
        <EmptyNote>{t('routine.rooms.empty')}</EmptyNote>
      ) : (
        <DataTable
          striped
          fz="sm"
          minWidth={420}
          mb="sm"
          aria-labelledby="routine-rooms"
          columns={[
            t('routine.rooms.name'), t('routine.rooms.capacity'), t('routine.rooms.status'),
            canManage && { label: t('common.actions'), className: 'no-print' },
          ]}
        >
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw={500}>{r.name}</Table.Th>
                <Table.Td>{t('routine.rooms.people', { count: r.capacity, formatted: formatNumber(r.capacity) })}</Table.Td>
                <Table.Td>
                  <Badge color={r.active ? 'teal.8' : 'gray'} variant={r.active ? 'filled' : 'outline'} tt="none">
                    {r.active ? t('routine.rooms.active') : t('routine.rooms.inactive')}
                  </Badge>
                </Table.Td>
                {canManage ? (
                  <Table.Td className="no-print">
                    <Button size="xs" variant="default" aria-label={t('routine.rooms.editAria', { name: r.name })} onClick={(e) => editing.open(r, e.currentTarget)}>
                      {t('common.edit')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}
      {canManage ? (
        <Paper withBorder p="sm" className="no-print">
          <Title order={3} size="h5" mb="xs" id="routine-add-room">{t('routine.rooms.add')}</Title>
          <RoomForm facilityId={facilityId} room={null} labelledBy="routine-add-room" />
        </Paper>
      ) : null}
      {editing.subject ? (
        <Modal opened onClose={editing.close} title={t('routine.rooms.editTitle', { name: editing.subject.name })} closeButtonProps={{ 'aria-label': t('common.close') }}>
          <RoomForm facilityId={facilityId} room={editing.subject} onDone={editing.close} />
        </Modal>
      ) : null}
    </RoutineSection>
  );
}

function RoomForm({ facilityId, room, onDone, labelledBy }: { facilityId: string; room: Room | null; onDone?: () => void; labelledBy?: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(room?.name ?? '');
  const [capacity, setCapacity] = useState(room ? String(room.capacity) : '');
  const [active, setActive] = useState(room?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useRoutineChange({
    change: (body: Parameters<typeof addRoom>[1]) => (room ? updateRoom(room.id, body) : addRoom(facilityId, body)),
    done: (r) => t(room ? 'routine.rooms.saved' : 'routine.rooms.added', { name: r.name }),
    refresh: routineKeys.routine(facilityId),
    onDone: () => {
      if (!room) {
        setName('');
        setCapacity('');
        setActive(true);
      }
      onDone?.();
    },
    onFieldErrors: setErrors,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(roomBody, { name, capacity: numberOrNull(capacity), active });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    save.mutate(checked.data);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy}>
      <FormErrorAlert error={save.error} />
      <SimpleGrid cols={{ base: 1, sm: room ? 1 : 3 }} spacing="sm">
        <TextInput label={t('routine.rooms.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required maxLength={80} data-autofocus />
        <TextInput
          label={t('routine.rooms.capacity')}
          inputMode="numeric"
          value={capacity}
          onChange={(e) => setCapacity(e.currentTarget.value)}
          error={errors.capacity}
          required
          maxLength={3}
        />
        <Checkbox mt={room ? 0 : 'xl'} label={t('routine.rooms.activeLabel')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        {onDone ? <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button> : null}
        <Button type="submit" loading={save.isPending}>{room ? t('common.save') : t('routine.rooms.addSubmit')}</Button>
      </Group>
    </form>
  );
}
