import { ref } from 'vue'

/**
 * One write at a time from a form: `busy` while it runs (a second tap is ignored), the ApiError it
 * ended with in `error` (its `fieldErrors` go next to the fields). `submit(fn)` answers true on
 * success.
 */
export function useSubmit() {
  const busy = ref(false)
  const error = ref(null)
  async function submit(fn) {
    if (busy.value) return false
    busy.value = true
    error.value = null
    try {
      await fn()
      return true
    } catch (e) {
      error.value = e
      return false
    } finally {
      busy.value = false
    }
  }
  return { busy, error, submit }
}
