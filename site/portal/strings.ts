import { portalEn } from '../i18n/portal.en.ts';
import { portalZh, type PortalStrings } from '../i18n/portal.zh.ts';
import type { UiLang } from './api.ts';

/** The portal strings of a language, for islands (which cannot receive functions as props). */
export function portalStrings(lang: UiLang): PortalStrings {
  return lang === 'en' ? portalEn : portalZh;
}
