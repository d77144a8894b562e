import { Anchor, Badge, Box, Button, Chip, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind, type TimelinePage } from '../../../shared/contracts/record.ts';
import { formatNumber } from '../../app/format.ts';
import { CarePage } from '../../components/CarePage.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PagedQueryView } from '../../components/PagedQueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { useListAddress } from '../../components/useListAddress.ts';
import { fetchTimeline, recordKeys, type TimelineParams } from './api.ts';
import { KIND_COLOR, entrySentence, formatDay, timeOf } from './sentences.ts';
import { groupByDay, kindsFrom, kindsValue } from './timeline.ts';

const PAGE_SIZE = 25;

/** A person's care timeline: every event of the pathway and the care record, newest first, by day, filtered by kind. */
export function RecordPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const address = useListAddress();
  const params: TimelineParams = { kinds: kindsFrom(address.search), page: address.page, pageSize: PAGE_SIZE };
  const timeline = useQuery({
    queryKey: recordKeys.timeline(id, params),
    queryFn: ({ signal }) => fetchTimeline(id, params, signal),
    placeholderData: keepPreviousData,
    enabled: !!id,
  });
  const filtered = params.kinds.length > 0;
  const choose = (kinds: string[]) => address.update({ kinds: kindsValue(kinds) });

  return (
    <CarePage wbpId={id} tab="record" title={(w) => t('care.record.title', { name: w.fullName })}>
      {() => (
        <Section id="timeline-heading" title={t('care.record.heading')}>
          {timeline.data ? <KindFilter counts={timeline.data.counts} chosen={params.kinds} onChange={choose} /> : null}
          {filtered ? (
            <Text className="print-only" size="sm" mb="sm">
              {t('care.record.printedKinds', { kinds: params.kinds.map((k) => t(`care.record.kinds.${k}`)).join(', ') })}
            </Text>
          ) : null}
          <PagedQueryView
            query={timeline}
            onPage={(page) => address.update({ page: String(page) })}
            empty={
              filtered ? (
                <EmptyState
                  title={t('care.record.emptyFiltered')}
                  description={t('care.record.emptyFilteredBody')}
                  action={<Button variant="light" onClick={() => choose([])}>{t('care.record.allKinds')}</Button>}
                />
              ) : (
                <EmptyState title={t('care.record.empty')} description={t('care.record.emptyBody')} />
              )
            }
          >
            {(entries) => <Days entries={entries} />}
          </PagedQueryView>
        </Section>
      )}
    </CarePage>
  );
}

/** Chips for the kinds the reader may see, each with its number of entries; several may be chosen. */
function KindFilter({ counts, chosen, onChange }: { counts: TimelinePage['counts']; chosen: TimelineKind[]; onChange: (kinds: string[]) => void }) {
  const { t } = useTranslation();
  // A kind without entries is left out unless chosen (from a shared link), so it can be unchosen.
  const shown = TIMELINE_KINDS.filter((kind) => counts[kind] !== undefined && (counts[kind] > 0 || chosen.includes(kind)));
  if (shown.length === 0) return null;
  return (
    <Box component="fieldset" className="no-print" mb="md" p={0} style={{ border: 0 }}>
      <Text component="legend" size="sm" fw={500} mb={6}>{t('care.record.filterLabel')}</Text>
      <Group gap={6} wrap="wrap">
        <Chip.Group multiple value={chosen} onChange={onChange}>
          {shown.map((kind) => (
            <Chip key={kind} value={kind} size="sm" color={KIND_COLOR[kind]}>
              {t('care.record.kindCount', { kind: t(`care.record.kinds.${kind}`), count: formatNumber(counts[kind] ?? 0) })}
            </Chip>
          ))}
        </Chip.Group>
        {chosen.length > 0 ? (
          <Button variant="subtle" size="compact-sm" onClick={() => onChange([])}>{t('care.record.allKinds')}</Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>{t('care.record.filterHelp')}</Text>
    </Box>
  );
}

/** The page's entries under a heading per day. */
function Days({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {groupByDay(entries).map(({ day, entries: ofDay }) => (
        <Box component="section" key={day} aria-label={t('care.record.dayLabel', { date: formatDay(day) })}>
          <Title order={3} size="h5" mb={6}>{formatDay(day)}</Title>
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
            {ofDay.map((entry, index) => (
              <Group component="li" key={`${entry.kind}:${entry.id}:${index}`} gap="sm" wrap="nowrap" align="flex-start">
                <Text size="sm" c="dimmed" w={92} style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>{timeOf(entry.at) ?? t('care.record.wholeDay')}</Text>
                <Badge color={KIND_COLOR[entry.kind]} autoContrast variant="filled" tt="none" w={170} style={{ flexShrink: 0 }}>
                  {t(`care.record.kinds.${entry.kind}`)}
                </Badge>
                <Anchor component={Link} to={entry.link} size="sm">{entrySentence(entry)}</Anchor>
              </Group>
            ))}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}
