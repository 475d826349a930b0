import { describe, it, expect } from 'vitest'
import { mount } from '@vue/test-utils'
import CaseActions from '../src/components/CaseActions.vue'
import { caseActions, pendingExtensions } from '../src/util/caseActions.js'
import { plugins, flush, settle } from './setup.js'

const coordHgt = { username: 'coord.hgt', roles: ['coordinator'], region: { code: '360113', level: 'COUNTY' } }
const coordNc = { username: 'coord.nc', roles: ['coordinator'], region: { code: '360100', level: 'CITY' } }
const owner = { username: 'owner.hgt', roles: ['owner'], region: { code: '360113' }, org: 'org-nc-metro' }
const otherOwner = { username: 'owner.zg', roles: ['owner'], region: { code: '360702' }, org: 'org-gz-energy' }
const manager = { username: 'manager.nc', roles: ['manager'], region: { code: '360100' } }
const issue = (over) => ({ id: 'i1', status: 'OPEN', level: 'COUNTY', handlingRegion: '360113', reporterOrg: 'org-nc-metro', supervised: false, version: 3, ...over })
const parentOf = (c) => ({ '360113': '360100', '360100': '360000' })[c] || null

describe('which actions a case offers', () => {
  it('offers the county holder accept, escalate and an extension on a new case, but no return below county', () => {
    expect(caseActions(issue(), coordHgt, parentOf)).toEqual(['accept', 'escalate', 'extend'])
  })
  it('offers resolve once accepted', () => {
    expect(caseActions(issue({ status: 'IN_PROGRESS' }), coordHgt, parentOf)).toEqual(['resolve', 'escalate', 'extend'])
  })
  it('offers the city return downward once escalated to it, and nothing to the county any more', () => {
    const escalated = issue({ level: 'CITY', handlingRegion: '360100' })
    expect(caseActions(escalated, coordNc, parentOf)).toEqual(['accept', 'escalate', 'return', 'extend'])
    expect(caseActions(escalated, coordHgt, parentOf)).toEqual([])
  })
  it('offers no escalation or extension at province level', () => {
    const top = issue({ level: 'PROVINCE', handlingRegion: '360000', status: 'IN_PROGRESS' })
    expect(caseActions(top, { ...coordNc, region: { code: '360000' } }, parentOf)).toEqual(['resolve', 'return'])
  })
  it('lets only the reporting organisation confirm or reopen a resolved case', () => {
    expect(caseActions(issue({ status: 'RESOLVED' }), owner, parentOf)).toEqual(['confirm', 'reopen'])
    expect(caseActions(issue({ status: 'RESOLVED' }), otherOwner, parentOf)).toEqual([])
    expect(caseActions(issue({ status: 'OPEN' }), owner, parentOf)).toEqual([])
  })
  it('lets the region above decide a pending extension, and the holder not ask twice', () => {
    const timeline = [{ type: 'EXTENSION_REQUESTED', actor: 'coord.hgt', details: { requestId: 'r1', newDueAt: '2026-12-20T00:00:00Z', reason: 'x' } }]
    const pending = pendingExtensions(timeline)
    expect(pending.map((p) => p.id)).toEqual(['r1'])
    expect(caseActions(issue(), coordNc, parentOf, pending)).toEqual(['decideExtension'])
    expect(caseActions(issue(), coordHgt, parentOf, pending)).toEqual(['accept', 'escalate'])
    const decided = [...timeline, { type: 'EXTENSION_DECIDED', details: { requestId: 'r1' } }]
    expect(pendingExtensions(decided)).toEqual([])
    // the case's own list wins over the timeline when the service gives it
    const own = issue({ pendingExtensionRequests: [{ id: 'r2', newDueAt: '2026-12-20T00:00:00Z', reason: '征地', requestedBy: 'coord.hgt', handlingRegion: '360113' }] })
    expect(pendingExtensions(timeline, own)).toEqual([{ id: 'r2', newDueAt: '2026-12-20T00:00:00Z', reason: '征地', requestedBy: 'coord.hgt', region: '360113' }])
    expect(pendingExtensions(timeline, issue({ pendingExtensionRequests: [] }))).toEqual([])
  })
  it('lets a manager supervise an open case once', () => {
    expect(caseActions(issue(), manager, parentOf)).toEqual(['supervise'])
    expect(caseActions(issue({ supervised: true }), manager, parentOf)).toEqual([])
  })
})

describe('case action buttons', () => {
  const mountActions = (props) => mount(CaseActions, { props: { parentOf, ...props }, global: { plugins: plugins() }, attachTo: document.body })

  it('shows the holder its buttons in Chinese and sends accept at once', async () => {
    const w = mountActions({ issue: issue(), me: coordHgt })
    expect(w.findAll('[data-action]').map((b) => b.text())).toEqual(['受理', '提级', '申请延期'])
    await w.find('[data-action="accept"]').trigger('click')
    expect(w.emitted('act')[0][0]).toEqual({ action: 'accept', body: undefined })
    w.unmount()
  })

  it('asks for a reason before escalating and sends it', async () => {
    const w = mountActions({ issue: issue({ status: 'IN_PROGRESS' }), me: coordHgt })
    await w.find('[data-action="escalate"]').trigger('click')
    await flush()
    const dialog = document.body.querySelector('.el-dialog')
    expect(dialog.textContent).toContain('原因')
    dialog.querySelector('form').dispatchEvent(new Event('submit'))
    await settle()
    expect(w.emitted('act')).toBeUndefined()
    expect(document.body.querySelector('.el-dialog .el-form-item__error').textContent).toContain('请填写此项')
    const textarea = document.body.querySelector('.el-dialog textarea')
    textarea.value = '需市级协调用地指标'
    textarea.dispatchEvent(new Event('input'))
    await flush()
    document.body.querySelector('.el-dialog form').dispatchEvent(new Event('submit'))
    await flush()
    expect(w.emitted('act')[0][0]).toEqual({ action: 'escalate', body: { reason: '需市级协调用地指标' } })
    w.unmount()
  })

  it('shows an owner nothing to do while the case is being handled', () => {
    const w = mountActions({ issue: issue({ status: 'IN_PROGRESS' }), me: owner })
    expect(w.findAll('[data-action]')).toHaveLength(0)
    w.unmount()
  })
})
