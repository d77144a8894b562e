import { useState } from 'react';
import { Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WbpSummary } from '../../../shared/contracts/wbp.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { searchPeople, staffKeys } from './api.ts';

const MIN_LETTERS = 2;

/** Finds a person of the unit by name or registration number. */
export function PersonPicker({ id, facilityId, label, chosen, onChoose, error }: {
  id: string;
  facilityId: string;
  label: string;
  chosen: ReadonlySet<string>;
  onChoose: (person: WbpSummary) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const results = useQuery({
    queryKey: staffKeys.people(facilityId, q),
    queryFn: ({ signal }) => searchPeople(facilityId, q, signal),
    enabled: q.length >= MIN_LETTERS,
    staleTime: 30_000,
  });

  return (
    <Stack gap="xs">
      <TextInput
        id={id}
        label={label}
        value={text}
        error={error}
        onChange={(e) => setText(e.currentTarget.value)}
        type="search"
        autoComplete="off"
        // The box sits in a form: the results follow the typing, so Enter stays here instead of sending the form.
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      {q.length >= MIN_LETTERS && results.data ? (
        results.data.length === 0 ? <Text size="sm" c="dimmed" role="status">{t('staff.training.noMatches')}</Text> : (
          <List listStyleType="none" spacing={4}>
            {results.data.map((p) => (
              <List.Item key={p.id}>
                <Group gap="sm" wrap="nowrap">
                  <Text size="sm" style={{ flex: 1 }}>{p.fullName} <Text span c="dimmed" size="sm">· {p.sdpNumber}</Text></Text>
                  <Button size="compact-sm" variant="light" disabled={chosen.has(p.id)} onClick={() => onChoose(p)}>
                    {chosen.has(p.id) ? t('staff.training.chosen') : t('staff.training.choose')}
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        )
      ) : null}
    </Stack>
  );
}
