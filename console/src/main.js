import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n, storedLocale } from './i18n/index.js'
import { makeRouter } from './router/index.js'
// ElMessage is called from scripts, so the template resolver does not bring its style
import 'element-plus/es/components/message/style/css'
import './styles.css'

document.documentElement.lang = storedLocale()
createApp(App).use(createPinia()).use(i18n).use(makeRouter()).mount('#app')
