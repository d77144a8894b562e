import type { ReactNode } from 'react';
import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WbpDetail } from '../../shared/contracts/wbp.ts';
import { api } from '../app/api.ts';
import { CareTabs, type CareTab } from './CareTabs.tsx';
import { Loading } from './Loading.tsx';
import { PersonHeader, PersonLoadError } from './PersonHeader.tsx';

/** The register's key for a person's detail (web/features/wbp wbpKeys.detail), so every page about them shares one copy. */
export const carePersonKey = (wbpId: string) => ['wbp', 'detail', wbpId] as const;

function fetchCarePerson(wbpId: string, signal?: AbortSignal): Promise<WbpDetail> {
  return api<WbpDetail>(`/api/wbp/${encodeURIComponent(wbpId)}`, { signal });
}

/**
 * The frame of one part of a person's care record: loads the person, then shows the way back to
 * their record, the page's h1 ("Insiden — Joko Hermawan" unless `title` says otherwise), a print
 * button beside the page's own `actions`, and the care tabs; `children` draws the page for the
 * person. Until the person loads it shows a loader, and in place of the page "not found" or the
 * error with a retry. `children` is called while rendering this frame: it must not call hooks
 * (render components that do).
 */
export function CarePage({ wbpId, tab, title, actions, children }: {
  wbpId: string;
  tab: CareTab;
  title?: (person: WbpDetail) => string;
  actions?: ReactNode;
  children: (person: WbpDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  const person = useQuery({ queryKey: carePersonKey(wbpId), queryFn: ({ signal }) => fetchCarePerson(wbpId, signal), enabled: !!wbpId });
  const tabName = t(`care.tabs.${tab}`);

  if (person.isPending) return <Loading />;
  if (person.error) return <PersonLoadError error={person.error} title={tabName} onRetry={() => void person.refetch()} />;
  const w = person.data;

  return (
    <>
      <PersonHeader
        person={w}
        title={title ? title(w) : t('care.tabs.pageTitle', { tab: tabName, name: w.fullName })}
        back={{ to: `/wbp/${w.id}`, label: t('care.tabs.backToPerson') }}
        actions={(
          <>
            {actions}
            <Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button>
          </>
        )}
      />
      <CareTabs wbpId={w.id} facilityId={w.facilityId} active={tab} />
      {children(w)}
    </>
  );
}
