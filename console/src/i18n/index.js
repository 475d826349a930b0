import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN.js'
import en from './en.js'

export const LOCALE_KEY = 'mp.locale'
export const LOCALES = ['zh-CN', 'en']

export function storedLocale() {
  try {
    const v = localStorage.getItem(LOCALE_KEY)
    return LOCALES.includes(v) ? v : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export const messages = { 'zh-CN': zhCN, en }

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages,
})

export function setLocale(locale) {
  i18n.global.locale.value = locale
  localStorage.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}
