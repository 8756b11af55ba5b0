import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../../../shared/i18n/en';
import { zh } from '../../../shared/i18n/zh';

export type Language = 'zh-CN' | 'en';
const KEY = 'greenpost.language';

export const storedLanguage = (): Language => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN');

export function setLanguage(lang: Language) {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

/** zh-CN first; English on request. Both catalogues are bundled: nothing is fetched. */
export function initI18n(lang: Language = storedLanguage()) {
  document.documentElement.lang = lang;
  void i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnObjects: true,
  });
  return i18next;
}
