import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/contracts/common.ts';
import { useAuth } from './auth.tsx';

const NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

/** Two buttons, each named in its own language, so anyone can find theirs. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { i18n, t } = useTranslation();
  const { changeLanguage } = useAuth();
  const choose = (lng: Language) => {
    changeLanguage(lng).catch(() => {
      notifications.show({ color: 'yellow', message: t('language.notSaved') });
    });
  };
  return (
    <Group gap={4} role="group" aria-label="Bahasa / Language" wrap="nowrap">
      {LANGUAGES.map((lng) => {
        const active = i18n.language === lng;
        return (
          <Button
            key={lng}
            size={size}
            variant={active ? 'filled' : 'default'}
            aria-pressed={active}
            lang={lng}
            onClick={() => choose(lng)}
          >
            {NAMES[lng]}
          </Button>
        );
      })}
    </Group>
  );
}
