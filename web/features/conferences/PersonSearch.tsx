import { useTranslation } from 'react-i18next';
import type { WbpSummary } from '../../../shared/contracts/wbp.ts';
import { PersonSearch as FindPerson } from '../../components/PersonSearch.tsx';

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
  return (
    <FindPerson
      id={id}
      facilityId={facilityId}
      chosen={added}
      busy={adding}
      onChoose={onAdd}
      words={{
        label: t('care.conferences.form.search'),
        placeholder: t('care.conferences.form.searchPlaceholder'),
        description: t('care.conferences.form.searchHint'),
        noMatches: t('care.conferences.form.noMatches'),
        results: t('care.conferences.form.searchResults'),
        choose: t('care.conferences.form.discuss'),
        chooseFor: (p) => t('care.conferences.form.discussPerson', { name: p.fullName }),
        chosen: t('care.conferences.form.alreadyAdded'),
      }}
    />
  );
}
