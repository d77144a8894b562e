import { useEffect, useRef, useState } from 'react';
import { Button, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PersonHeader, PersonLoadError } from '../../components/PersonHeader.tsx';
import type { ScreeningRecord } from './api.ts';
import { usePerson } from './person.tsx';
import { ScreeningForm } from './ScreeningForm.tsx';
import { ScreeningResult } from './ScreeningResult.tsx';
import { StartAssessmentButton } from './StartAssessmentButton.tsx';

/** One person's WHO ASSIST screening, then its result. */
export function NewScreeningPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const person = usePerson(id);
  const [saved, setSaved] = useState<ScreeningRecord | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (saved) resultHeading.current?.focus();
  }, [saved]);

  if (person.isPending) return <Loading />;
  if (person.error) return <PersonLoadError error={person.error} title={t('clinical.screening.title')} onRetry={() => void person.refetch()} />;
  const w = person.data;
  const back = can('clinical.read', w.facilityId) ? `/wbp/${w.id}/klinis` : '/skrining';

  return (
    <>
      <PersonHeader
        person={w}
        title={t('clinical.screening.titleFor', { name: w.fullName })}
        back={{ to: back, label: can('clinical.read', w.facilityId) ? t('clinical.backToPerson') : t('clinical.backToWorklist') }}
      />
      {saved ? (
        <Stack>
          <ScreeningResult
            record={saved}
            headingRef={resultHeading}
            actions={
              <>
                {saved.result.overall !== 'low' && can('assessment.write', w.facilityId) ? (
                  <StartAssessmentButton wbpId={w.id} screeningId={saved.id} />
                ) : null}
                {can('clinical.read', w.facilityId) ? (
                  <Button component={Link} to={`/wbp/${w.id}/klinis`} variant="default">
                    {t('clinical.page.title')}
                  </Button>
                ) : null}
                <Button component={Link} to="/skrining" variant="default">
                  {t('clinical.backToWorklist')}
                </Button>
                <Button variant="default" onClick={() => window.print()}>
                  {t('common.print')}
                </Button>
              </>
            }
          />
        </Stack>
      ) : (
        <ScreeningForm
          wbpId={w.id}
          onSaved={setSaved}
          secondaryActions={
            <Button component={Link} to={back} variant="default">
              {t('common.cancel')}
            </Button>
          }
        />
      )}
    </>
  );
}
