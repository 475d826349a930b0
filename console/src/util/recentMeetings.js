// No meeting list in the API yet: remember the meetings this browser created or opened.
const KEY = 'mp.meetings'
export function recentMeetings() {
  try {
    return JSON.parse(localStorage.getItem(KEY) || '[]')
  } catch {
    return []
  }
}
export function rememberMeeting(m) {
  const list = recentMeetings().filter((x) => x.id !== m.id)
  list.unshift({ id: m.id, title: m.title, scheduledAt: m.scheduledAt })
  localStorage.setItem(KEY, JSON.stringify(list.slice(0, 30)))
}
