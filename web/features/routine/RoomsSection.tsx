import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, Modal, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { roomBody } from '../../../shared/contracts/routine.ts';
import { ApiError } from '../../app/api.ts';
import { formatNumber } from '../../app/format.ts';
import { numberOrNull, validate, type FieldErrors } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { addRoom, routineKeys, updateRoom, type Room } from './api.ts';

/** Rooms where sessions can be held, with how many people each takes. */
export function RoomsSection({ facilityId, rooms, canManage }: { facilityId: string; rooms: Room[]; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Room | null>(null);
  const sorted = [...rooms].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'id'));
  return (
    <section aria-labelledby="routine-rooms">
      <Title order={2} size="h3" id="routine-rooms" mt="xl" mb="xs">{t('routine.rooms.title')}</Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">{t('routine.rooms.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped fz="sm" verticalSpacing="xs" mb="sm" aria-labelledby="routine-rooms">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('routine.rooms.name')}</Table.Th>
                <Table.Th scope="col">{t('routine.rooms.capacity')}</Table.Th>
                <Table.Th scope="col">{t('routine.rooms.status')}</Table.Th>
                {canManage ? <Table.Th scope="col" className="no-print">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
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
                      <Button size="xs" variant="default" aria-label={t('routine.rooms.editAria', { name: r.name })} onClick={() => setEditing(r)}>
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManage ? (
        <Paper withBorder p="sm" className="no-print">
          <Title order={3} size="h5" mb="xs" id="routine-add-room">{t('routine.rooms.add')}</Title>
          <RoomForm facilityId={facilityId} room={null} labelledBy="routine-add-room" />
        </Paper>
      ) : null}
      {editing ? (
        <Modal opened onClose={() => setEditing(null)} title={t('routine.rooms.editTitle', { name: editing.name })} closeButtonProps={{ 'aria-label': t('common.close') }}>
          <RoomForm facilityId={facilityId} room={editing} onDone={() => setEditing(null)} />
        </Modal>
      ) : null}
    </section>
  );
}

function RoomForm({ facilityId, room, onDone, labelledBy }: { facilityId: string; room: Room | null; onDone?: () => void; labelledBy?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(room?.name ?? '');
  const [capacity, setCapacity] = useState(room ? String(room.capacity) : '');
  const [active, setActive] = useState(room?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: Parameters<typeof addRoom>[1]) => (room ? updateRoom(room.id, body) : addRoom(facilityId, body)),
    onSuccess: (r) => {
      notifications.show({ color: 'teal', message: t(room ? 'routine.rooms.saved' : 'routine.rooms.added', { name: r.name }) });
      if (!room) {
        setName('');
        setCapacity('');
        setActive(true);
      }
      void queryClient.invalidateQueries({ queryKey: routineKeys.routine(facilityId) });
      onDone?.();
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
    },
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
      <ErrorAlert error={save.error instanceof ApiError && save.error.fields.length > 0 ? null : save.error} />
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
