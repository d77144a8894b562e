import { useTranslation } from 'react-i18next';
import type { WbpSummary } from '../../../shared/contracts/wbp.ts';
import { PersonSearch } from '../../components/PersonSearch.tsx';

/** Finds a person of the unit by name or registration number, to choose them. */
export function PersonPicker({ id, facilityId, label, chosen, onChoose }: {
  id: string;
  facilityId: string;
  label: string;
  chosen: ReadonlySet<string>;
  onChoose: (person: WbpSummary) => void;
}) {
  const { t } = useTranslation();
  return (
    <PersonSearch
      id={id}
      facilityId={facilityId}
      chosen={chosen}
      onChoose={onChoose}
      words={{
        label,
        description: t('staff.personSearch.hint'),
        noMatches: t('staff.personSearch.noMatches'),
        results: t('staff.personSearch.results'),
        choose: t('staff.personSearch.choose'),
        chooseFor: (p) => t('staff.personSearch.chooseFor', { name: p.fullName }),
        chosen: t('staff.personSearch.chosen'),
      }}
    />
  );
}
