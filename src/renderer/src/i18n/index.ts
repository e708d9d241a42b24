// The i18n layer: zh-CN first, English second; every visible string goes through t().
import { createContext, useContext } from 'react';
import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';

export type Locale = 'zh-CN' | 'en';
const CATALOGS: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'nianbao.locale';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, params) => catalog[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

export function savedLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function saveLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

export const I18n = createContext<{ t: Translate; locale: Locale }>({ t: translator('zh-CN'), locale: 'zh-CN' });
export const useI18n = () => useContext(I18n);
