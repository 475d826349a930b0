import { describe, it, expect, vi, beforeEach } from 'vitest'
import { mount } from '@vue/test-utils'
import { plugins, flush } from './setup.js'
import { canEditMilestones, pickableMilestones } from '../src/util/milestones.js'

vi.setConfig({ testTimeout: 60000 })

// the real endpoints and API client; only fetch is replaced: `${method} ${path}` → [status, body]
let routes = {}
const calls = []
beforeEach(() => {
  routes = {}
  calls.length = 0
  document.body.innerHTML = ''
  document.cookie = 'XSRF-TOKEN=tok-1'
  globalThis.fetch = vi.fn(async (url, init = {}) => {
    const method = init.method || 'GET'
    const path = String(url).split('?')[0]
    calls.push({ method, url: String(url), headers: init.headers, body: init.body ? JSON.parse(init.body) : undefined })
    const answer = routes[`${method} ${path}`]
    const [status, body] = typeof answer === 'function' ? answer() : answer || [404, { status: 404, title: 'Not Found' }]
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } })
  })
})
const writes = (method, path) => calls.filter((c) => c.method === method && c.url.startsWith(path))

let routeId = 'i1'
vi.mock('vue-router', () => ({ useRoute: () => ({ params: { id: routeId }, query: {} }), useRouter: () => ({ push: () => {} }) }))

const YEAR = new Date().getFullYear()
const plan = {
  projectId: 'p1', year: YEAR,
  milestones: [
    { id: 'ms-done', name: '开工', plannedDate: `${YEAR}-01-10`, done: true, actualDate: `${YEAR}-01-12`, blockers: [] },
    { id: 'ms-late', name: '竣工验收', plannedDate: `${YEAR}-12-31`, done: false, blockers: [] },
    { id: 'ms-june', name: '管廊主体贯通', plannedDate: `${YEAR}-06-30`, done: false, blockers: [] },
  ],
}
const offered = () => [...document.body.querySelectorAll('.el-select-dropdown__item .milestone-option')].map((o) => o.textContent)

async function mountPage(path, me) {
  const [pinia, i18n] = plugins()
  const { useSession } = await import('../src/stores/session.js')
  useSession(pinia).$patch({ me, loaded: true })
  const Page = (await import(path)).default
  return mount(Page, { attachTo: document.body, global: { plugins: [pinia, i18n] } })
}
const picker = async (w) => w.findComponent((await import('../src/components/MilestonePicker.vue')).default)

describe('which milestones are offered, who may edit', () => {
  it('offers the open milestones earliest first, and a done one only when the case already names it', () => {
    expect(pickableMilestones(plan).map((m) => m.id)).toEqual(['ms-june', 'ms-late'])
    expect(pickableMilestones(plan, ['ms-done']).map((m) => m.id)).toEqual(['ms-done', 'ms-june', 'ms-late'])
    expect(pickableMilestones(null)).toEqual([])
  })

  it('lets the reporting organisation and the holding coordinators edit while the case is open', () => {
    const issue = { status: 'IN_PROGRESS', reporterOrg: 'org-nc-metro', handlingRegion: '360113' }
    expect(canEditMilestones(issue, { roles: ['owner'], org: 'org-nc-metro' })).toBe(true)
    expect(canEditMilestones(issue, { roles: ['coordinator'], region: { code: '360113' } })).toBe(true)
    expect(canEditMilestones(issue, { roles: ['owner'], org: 'org-other' })).toBe(false)
    expect(canEditMilestones(issue, { roles: ['coordinator'], region: { code: '360100' } })).toBe(false)
    expect(canEditMilestones(issue, { roles: ['manager'], region: { code: '360113' } })).toBe(false)
    expect(canEditMilestones({ ...issue, status: 'CLOSED' }, { roles: ['owner'], org: 'org-nc-metro' })).toBe(false)
  })
})

describe('report a blocker: milestone picker', () => {
  const owner = { username: 'owner.hgt', roles: ['owner'], org: 'org-nc-metro', region: { code: '360113', level: 'COUNTY' } }

  it('loads the chosen project’s plan of this year, offers only the open milestones and sends the chosen ids', async () => {
    routes['GET /api/projects'] = [200, { content: [{ id: 'p1', name: '赣江大道综合管廊' }], totalElements: 1 }]
    routes[`GET /api/projects/p1/plans/${YEAR}`] = [200, plan]
    routes['POST /api/issues'] = [201, { id: 'new1', number: 'JX-2026-000042' }]
    const w = await mountPage('../src/pages/owner/ReportBlocker.vue', owner)
    await vi.waitFor(() => expect(w.find('form').exists()).toBe(true))
    expect(w.find('[data-test="milestone-picker"]').exists()).toBe(false) // no project yet: no picker
    w.vm.$.setupState.form.projectId = 'p1'
    await vi.waitFor(() => expect(w.find('[data-test="milestone-picker"]').exists()).toBe(true))
    expect(calls.some((c) => c.url === `/api/projects/p1/plans/${YEAR}`)).toBe(true)
    expect(offered()).toEqual(['管廊主体贯通', '竣工验收'])

    const p = await picker(w)
    p.vm.$emit('update:modelValue', ['ms-june'])
    Object.assign(w.vm.$.setupState.form, { category: 'LAND', title: '征地拆迁未完成', description: '3 户未签协议' })
    await flush()
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(writes('POST', '/api/issues')).toHaveLength(1))
    const sent = writes('POST', '/api/issues')[0]
    expect(sent.body).toMatchObject({ projectId: 'p1', milestoneIds: ['ms-june'] })
    expect(sent.headers['Idempotency-Key']).toBeTruthy()
    w.unmount()
  })

  it('says so when the project has no plan this year, and sends no milestones', async () => {
    routes['GET /api/projects'] = [200, { content: [{ id: 'p2', name: '昌北机场扩建' }], totalElements: 1 }]
    routes['POST /api/issues'] = [201, { id: 'new2', number: 'JX-2026-000043' }]
    const w = await mountPage('../src/pages/owner/ReportBlocker.vue', owner)
    await vi.waitFor(() => expect(w.find('form').exists()).toBe(true))
    Object.assign(w.vm.$.setupState.form, { projectId: 'p2', category: 'LAND', title: '用地', description: '用地指标不足' })
    await vi.waitFor(() => expect(w.find('[data-test="no-plan"]').exists()).toBe(true))
    expect(w.find('[data-test="no-plan"]').text()).toContain('还没有本年度计划')
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(writes('POST', '/api/issues')).toHaveLength(1))
    expect(writes('POST', '/api/issues')[0].body.milestoneIds).toEqual([])
    w.unmount()
  })
})

describe('case page: edit milestones', () => {
  const issue = (over) => ({
    id: 'i1', number: 'JX-2026-000007', title: '征地拆迁未完成', description: '3 户', status: 'IN_PROGRESS', level: 'COUNTY',
    handlingRegion: '360113', regionsPassed: ['360113'], reporter: 'owner.hgt', reporterOrg: 'org-nc-metro', projectId: 'p1',
    projectName: '赣江大道综合管廊', category: 'LAND', urgency: 'NORMAL', warning: 'GREEN', supervised: false,
    milestoneIds: ['ms-june'], version: 7, ...over,
  })
  let current
  function caseRoutes(over) {
    current = issue(over)
    routes['GET /api/issues/i1'] = () => [200, current]
    routes['GET /api/issues/i1/timeline'] = [200, []]
    routes['GET /api/issues/i1/messages'] = [200, { content: [] }]
    routes['GET /api/issues/i1/timeline/verify'] = [200, { intact: true, entries: 1 }]
    routes[`GET /api/projects/p1/plans/${YEAR}`] = [200, plan]
  }
  const coordHgt = { username: 'coord.hgt', roles: ['coordinator'], region: { code: '360113', level: 'COUNTY' } }
  const coordNc = { username: 'coord.nc', roles: ['coordinator'], region: { code: '360100', level: 'CITY' } }
  const owner = { username: 'owner.hgt', roles: ['owner'], org: 'org-nc-metro', region: { code: '360113' } }
  const manager = { username: 'manager.nc', roles: ['manager'], region: { code: '360100' } }
  const loaded = async (me) => {
    const w = await mountPage('../src/pages/common/CasePage.vue', me)
    await vi.waitFor(() => expect(w.find('[data-test="case-milestones"]').exists()).toBe(true))
    return w
  }

  it('is offered to the reporter and the holding coordinator only, while the case is open', async () => {
    for (const [me, status, offered] of [[owner, 'IN_PROGRESS', true], [coordHgt, 'OPEN', true], [coordNc, 'IN_PROGRESS', false], [manager, 'IN_PROGRESS', false], [owner, 'CLOSED', false]]) {
      caseRoutes({ status })
      const w = await loaded(me)
      expect(w.find('[data-test="edit-milestones"]').exists(), `${me.username} ${status}`).toBe(offered)
      w.unmount()
      document.body.innerHTML = ''
    }
  })

  it('PUTs the new list with the case’s current version, then shows the case again', async () => {
    caseRoutes()
    routes['PUT /api/issues/i1/milestones'] = () => {
      current = { ...current, milestoneIds: ['ms-june', 'ms-late'], version: 9 }
      return [200, current]
    }
    const w = await loaded(coordHgt)
    current = { ...current, version: 8 } // a background write moved the version since the page loaded
    await w.find('[data-test="edit-milestones"]').trigger('click')
    await flush()
    expect(offered()).toEqual(['管廊主体贯通', '竣工验收'])
    ;(await picker(w)).vm.$emit('update:modelValue', ['ms-june', 'ms-late'])
    await flush()
    await w.find('[data-test="milestones-form"]').trigger('submit')
    await vi.waitFor(() => expect(w.find('[data-test="milestones-form"]').exists()).toBe(false))
    const put = writes('PUT', '/api/issues/i1/milestones')
    expect(put).toHaveLength(1)
    expect(put[0].body).toEqual({ milestoneIds: ['ms-june', 'ms-late'], version: 8 })
    expect(put[0].headers['X-XSRF-TOKEN']).toBe('tok-1')
    await vi.waitFor(() => expect(w.findAll('[data-test="case-milestones"] .milestone')).toHaveLength(2))
    w.unmount()
  })

  it('sends nothing when someone changed the milestones meanwhile, and explains a 403 or a 409', async () => {
    caseRoutes()
    const w = await loaded(owner)
    await w.find('[data-test="edit-milestones"]').trigger('click')
    await flush()
    current = { ...current, milestoneIds: [], version: 8 } // the coordinator unlinked it meanwhile
    ;(await picker(w)).vm.$emit('update:modelValue', ['ms-late'])
    await w.find('[data-test="milestones-form"]').trigger('submit')
    await vi.waitFor(() => expect(w.text()).toContain('别人刚刚修改了这个问题卡住的节点'))
    expect(writes('PUT', '/api/issues/i1/milestones')).toHaveLength(0)
    expect(w.find('[data-test="milestones-form"] .el-alert button').text()).toContain('重新加载')

    current = { ...current, milestoneIds: ['ms-june'] }
    routes['PUT /api/issues/i1/milestones'] = [403, { status: 403, title: 'Forbidden', detail: 'only the reporting organisation or coordinators of region 360100 change this' }]
    await w.find('[data-test="milestones-form"] .el-alert button').trigger('click') // reload
    await vi.waitFor(() => expect(w.find('[data-test="edit-milestones"]').exists()).toBe(true))
    await w.find('[data-test="edit-milestones"]').trigger('click')
    await flush()
    ;(await picker(w)).vm.$emit('update:modelValue', ['ms-late'])
    await w.find('[data-test="milestones-form"]').trigger('submit')
    await vi.waitFor(() => expect(writes('PUT', '/api/issues/i1/milestones')).toHaveLength(1))
    await vi.waitFor(() => expect(w.find('[data-test="milestones-form"] [role="alert"]').text()).toContain('你的角色不能'))
    w.unmount()
  })
})
