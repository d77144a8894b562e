import { Group, Pagination as MantinePagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page controls with "showing a–b of n"; hidden when printing. */
export function Pagination({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('pagination.showing', { from, to, total })}
      </Text>
      {pages > 1 ? (
        <nav aria-label={t('pagination.label')} className="no-print">
          <MantinePagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onChange}
            siblings={1}
            boundaries={1}
            withEdges
            size="sm"
            getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          />
        </nav>
      ) : null}
    </Group>
  );
}
