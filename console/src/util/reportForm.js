// Client-side checks of the monthly report, the same rules as project-service's request:
// every number required and in range; a SUSPENDED site needs a reason.
export const SITE_STATES = ['WORKING', 'CLOSED_LOOP', 'SUSPENDED']

const isBlank = (v) => v === null || v === undefined || String(v).trim() === ''

/** field → i18n key of the message; empty when the report may be sent. */
export function validateReport(form) {
  const errors = {}
  const num = (v) => Number(v)
  if (isBlank(form.investmentCompleted)) errors.investmentCompleted = 'validation.required'
  else if (!(num(form.investmentCompleted) >= 0)) errors.investmentCompleted = 'validation.nonNegative'
  else if (!/^\d{1,12}(\.\d{1,4})?$/.test(String(form.investmentCompleted).trim()))
    errors.investmentCompleted = 'validation.amountDigits'
  if (isBlank(form.physicalProgressPercent)) errors.physicalProgressPercent = 'validation.required'
  else {
    const p = num(form.physicalProgressPercent)
    if (!(p >= 0 && p <= 100)) errors.physicalProgressPercent = 'validation.percent'
    else if (!/^\d{1,3}(\.\d{1,2})?$/.test(String(form.physicalProgressPercent).trim()))
      errors.physicalProgressPercent = 'validation.percent'
  }
  if (isBlank(form.workersOnSite)) errors.workersOnSite = 'validation.required'
  else if (!/^\d+$/.test(String(form.workersOnSite).trim()) || num(form.workersOnSite) > 1000000)
    errors.workersOnSite = 'validation.workers'
  if (!SITE_STATES.includes(form.siteState)) errors.siteState = 'validation.required'
  if (form.siteState === 'SUSPENDED' && isBlank(form.suspensionReason))
    errors.suspensionReason = 'validation.suspensionReason'
  if (form.suspensionReason && form.suspensionReason.length > 1000) errors.suspensionReason = 'validation.tooLong'
  if (form.note && form.note.length > 4000) errors.note = 'validation.tooLong'
  return errors
}

/** The body the API takes: numbers as numbers, no reason unless suspended. */
export function reportBody(form) {
  return {
    investmentCompleted: Number(form.investmentCompleted),
    physicalProgressPercent: Number(form.physicalProgressPercent),
    workersOnSite: Number(form.workersOnSite),
    siteState: form.siteState,
    suspensionReason: form.siteState === 'SUSPENDED' ? form.suspensionReason.trim() : null,
    note: isBlank(form.note) ? null : form.note,
  }
}
