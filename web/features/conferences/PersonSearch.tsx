import { useState } from 'react';
import { Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WbpSummary } from '../../../shared/contracts/wbp.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { conferenceKeys, searchPeople } from './api.ts';

const MIN_LETTERS = 2;

/** Finds people of the unit by name or registration number, to add them to the discussion. */
export function PersonSearch({ id, facilityId, added, adding, onAdd }: {
  /** The search box's id, so focus can come back to it. */
  id: string;
  facilityId: string;
  added: ReadonlySet<string>;
  /** The person being added (their programmes are loading), if any. */
  adding: string | null;
  onAdd: (person: WbpSummary) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const results = useQuery({
    queryKey: conferenceKeys.search(facilityId, q),
    queryFn: ({ signal }) => searchPeople(facilityId, q, signal),
    enabled: q.length >= MIN_LETTERS,
    staleTime: 30_000,
  });

  return (
    <Stack gap="xs">
      <TextInput
        id={id}
        label={t('care.conferences.form.search')}
        placeholder={t('care.conferences.form.searchPlaceholder')}
        description={t('care.conferences.form.searchHint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        type="search"
        autoComplete="off"
        // The box sits in the conference form: the results follow the typing, so Enter stays here instead of sending the form.
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      {q.length >= MIN_LETTERS && results.data ? (
        results.data.length === 0 ? (
          <Text size="sm" c="dimmed" role="status">{t('care.conferences.form.noMatches')}</Text>
        ) : (
          <List listStyleType="none" spacing={4} aria-label={t('care.conferences.form.searchResults')}>
            {results.data.map((p) => (
              <List.Item key={p.id}>
                <Group gap="sm" wrap="nowrap">
                  <Text size="sm" style={{ flex: 1 }}>
                    {p.fullName} <Text span c="dimmed" size="sm">· {p.sdpNumber}{p.block ? ` · ${p.block}` : ''}</Text>
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="light"
                    disabled={added.has(p.id)}
                    loading={adding === p.id}
                    onClick={() => onAdd(p)}
                    aria-label={added.has(p.id) ? undefined : t('care.conferences.form.discussPerson', { name: p.fullName })}
                  >
                    {added.has(p.id) ? t('care.conferences.form.alreadyAdded') : t('care.conferences.form.discuss')}
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
