import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n';

/** 中文 ⇄ English, named in the language it switches to; the choice is kept for the next visit. */
export function LanguageSwitch(props: Omit<ButtonProps, 'onClick'>) {
  const { t, i18n } = useTranslation();
  const to = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button {...props} lang={to} onClick={() => setLanguage(to)}>
      {t('shell.language')}
    </Button>
  );
}
