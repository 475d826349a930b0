import { createPinia, setActivePinia } from 'pinia'
import { createI18n } from 'vue-i18n'
import { messages } from '../src/i18n/index.js'

/** Plugins a mounted page needs: a fresh store and the messages in the given language. */
export function plugins(locale = 'zh-CN') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages })
  return [pinia, i18n]
}

export const flush = () => new Promise((r) => setTimeout(r, 0))

/** Element Plus shows a form item's error after a short debounce. */
export const settle = () => new Promise((r) => setTimeout(r, 250))
