import { useTranslation } from 'react-i18next';
import { setLanguage } from '../common/i18n';

/** 中文 ⇄ English without Ant Design (this page loads none), named in the language it switches to. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const to = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" className="er-button" lang={to} onClick={() => setLanguage(to)}>
      {t('shell.language')}
    </button>
  );
}
