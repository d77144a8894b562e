import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../shared/contracts/admin.ts';
import { useOrganizations } from '../app/organizations.ts';

/** How an organisation is named in a choice: "Rutan Kelas IIB Serang (RUTAN-SERANG)". */
export function organizationLabel(o: Organization): string {
  return `${o.name} (${o.code})`;
}

/**
 * A searchable choice among the organisations the user may see (those `include` accepts). If they
 * cannot be loaded, the field says so.
 */
export function OrganizationSelect({ include, error, ...props }: Omit<SelectProps, 'data' | 'searchable' | 'nothingFoundMessage' | 'placeholder'> & {
  include?: (o: Organization) => boolean;
}) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const options = (orgs.data ?? []).filter((o) => !include || include(o)).map((o) => ({ value: o.id, label: organizationLabel(o) }));
  const loadError = orgs.error ? (orgs.error.message || t('errors.unknown')) : undefined;
  return (
    <Select
      {...props}
      data={options}
      placeholder={orgs.isPending ? t('common.loading') : t('common.choose')}
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      error={error || loadError}
    />
  );
}
