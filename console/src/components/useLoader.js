import { ref } from 'vue'

/** loading/error/data around one async load, with `run` to (re)load. */
export function useLoader(fn) {
  const loading = ref(true)
  const error = ref(null)
  const data = ref(null)
  async function run(...args) {
    // a reload keeps the page on screen (live updates); only the first load shows the skeleton
    loading.value = data.value === null
    error.value = null
    try {
      data.value = await fn(...args)
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }
  return { loading, error, data, run }
}
