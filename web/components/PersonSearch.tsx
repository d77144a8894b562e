import { useState } from 'react';
import { Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { WbpSummary } from '../../shared/contracts/wbp.ts';
import { api } from '../app/api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

const MIN_LETTERS = 2;

/** People of the unit whose name or registration number matches, at most ten. */
function searchPeople(facilityId: string, q: string, signal?: AbortSignal): Promise<WbpSummary[]> {
  return api<{ items: WbpSummary[] }>('/api/wbp', { query: { q, facilityId, pageSize: 10 }, signal }).then((r) => r.items);
}

/** What the search says, in the words of the screen it sits on. */
export interface PersonSearchWords {
  label: string;
  placeholder?: string | undefined;
  /** Under the box, e.g. how many letters to type. */
  description?: string | undefined;
  noMatches: string;
  /** The results list's name for a screen reader. */
  results: string;
  /** A result's button. */
  choose: string;
  /** The button's full name for a screen reader, e.g. "Choose Budi". */
  chooseFor: (person: WbpSummary) => string;
  /** The button of a person already chosen (it is disabled). */
  chosen: string;
}

/**
 * Finds people of the unit by name or registration number as the user types, each with a button
 * to choose them. The box sits in a form: Enter stays in it instead of sending the form.
 */
export function PersonSearch({ id, facilityId, words, chosen, busy = null, onChoose }: {
  /** The search box's id, so focus can come back to it. */
  id: string;
  facilityId: string;
  words: PersonSearchWords;
  chosen: ReadonlySet<string>;
  /** The person whose choosing is under way (its button waits), if any. */
  busy?: string | null;
  onChoose: (person: WbpSummary) => void;
}) {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const results = useQuery({
    queryKey: ['wbp', 'search', facilityId, q] as const,
    queryFn: ({ signal }) => searchPeople(facilityId, q, signal),
    enabled: q.length >= MIN_LETTERS,
    staleTime: 30_000,
  });

  return (
    <Stack gap="xs">
      <TextInput
        id={id}
        label={words.label}
        placeholder={words.placeholder}
        description={words.description}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        type="search"
        autoComplete="off"
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      {q.length >= MIN_LETTERS && results.data ? (
        results.data.length === 0 ? (
          <Text size="sm" c="dimmed" role="status">{words.noMatches}</Text>
        ) : (
          <List listStyleType="none" spacing={4} aria-label={words.results}>
            {results.data.map((p) => (
              <List.Item key={p.id}>
                <Group gap="sm" wrap="nowrap">
                  <Text size="sm" style={{ flex: 1 }}>
                    {p.fullName} <Text span c="dimmed" size="sm">· {p.sdpNumber}{p.block ? ` · ${p.block}` : ''}</Text>
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="light"
                    disabled={chosen.has(p.id)}
                    loading={busy === p.id}
                    onClick={() => onChoose(p)}
                    aria-label={chosen.has(p.id) ? undefined : words.chooseFor(p)}
                  >
                    {chosen.has(p.id) ? words.chosen : words.choose}
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
