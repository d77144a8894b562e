import { useEffect, type ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';

/** The page's h1, the browser tab title, and the page actions (hidden when printing). */
export function PageTitle({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Pulih`;
  }, [title]);
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
      <Stack gap={2}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {subtitle ? <Text c="dimmed" size="sm">{subtitle}</Text> : null}
      </Stack>
      {actions ? (
        <Group gap="xs" className="no-print">
          {actions}
        </Group>
      ) : null}
    </Group>
  );
}
