import { TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The articles most narcotics cases are charged under; anything else can be typed in. */
const SUGGESTIONS = ['UU 35/2009 Pasal 111', 'UU 35/2009 Pasal 112', 'UU 35/2009 Pasal 114', 'UU 35/2009 Pasal 127'];

export function CaseArticlesInput({ id, value, onChange, error }: { id: string; value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <TagsInput
      id={id}
      label={t('wbp.caseArticles')}
      description={t('wbp.caseArticlesHelp')}
      data={SUGGESTIONS}
      value={value}
      onChange={onChange}
      maxTags={10}
      splitChars={[';']}
      acceptValueOnBlur
      clearable
      error={error}
      clearButtonProps={{ 'aria-label': t('wbp.caseArticlesClear') }}
    />
  );
}
