import type { ReactNode } from 'react';
import { Group, Paper, Title, type PaperProps } from '@mantine/core';

/** A titled part of a page: a landmark named by its h2, with the section's actions beside the title. */
export function Section({ id, title, actions, children, ...paperProps }: PaperProps & {
  /** The heading's id, which names the section (and can name a table in it). */
  id: string;
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} {...paperProps}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <Title order={2} size="h4" id={id}>{title}</Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
