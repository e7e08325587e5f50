/**
 * Words of the services pages (workspace: requests, visits, teams; portal: the firm's requests and consent),
 * zh-CN first, English second, same keys. State and category names come from api/domain (requests.ts, services.ts).
 */
const zh = {
  board: {
    title: '企业诉求',
    intro: '有求必应：企业在后台提出的诉求，由市局或服务团组长派单，按工作日计时；企业确认解决后才算办结。',
    overdueTitle: '超时诉求',
    state: '状态', allStates: '全部状态', open: '未办结', team: '服务团', allTeams: '全部服务团', county: '县区', allCounties: '全部县区',
    action: '帮扶行动', allActions: '全部行动', overdue: '只看超时', reopened: '只看被企业退回的', filter: '筛选', q: '企业或标题',
    cols: { id: '编号', firm: '企业', title: '诉求', state: '状态', priority: '优先级', team: '服务团 / 专家', due: '办理时限', created: '提交时间' },
    total: (n: number) => `共 ${n} 条`, none: '没有符合条件的诉求。', prev: '上一页', next: '下一页', overdueBadge: '已超时', escalate: '立即通报超时诉求',
  },
  request: {
    title: (id: number) => `诉求 #${id}`,
    firm: '企业', category: '类别', description: '说明', urgency: '紧急程度', preferred: '希望联系时间', attachments: '附件', state: '状态', priority: '优先级',
    due: '当前时限', team: '服务团', expert: '专家', reopened: (n: number) => `企业退回 ${n} 次`, recordOutcome: '登记此诉求带来的服务成果', rating: '企业评分', feedback: '企业评价',
    history: '办理记录', suggestions: '派单建议', suggestionCols: { expert: '专家', team: '服务团', why: '理由', load: '在办诉求', rating: '评分', score: '匹配分' },
    reasons: { item: '专长对口', action: '同一帮扶行动', area: '覆盖所在县区', firm_team: '该企业所属服务团' },
    actions: '办理', note: '说明', route: '派单', chooseTeam: '服务团', chooseExpert: '专家（可不选）', noActions: '当前没有您可执行的操作。', byFirm: '企业', system: '—', logVisit: '登记走访',
  },
  visits: {
    title: '走访日历', intro: '各服务团共用一个日历。同一企业两周内已有其他服务团走访或计划走访时标出提醒，避免重复打扰。',
    from: '自', to: '至', filter: '查看', none: '该时段没有走访。', clash: '两周内另有服务团走访', planned: '计划', done: '已走访', cancelled: '已取消',
    cols: { date: '日期', firm: '企业', team: '服务团', status: '状态', basis: '依据', followUp: '跟进日期' },
    basis: { request: '企业诉求', consent: '企业同意走访' },
    log: '登记走访（手机）',
  },
  visitForm: {
    title: '登记走访', intro: '非请勿扰：只能为有未办结诉求或已同意走访的企业登记。',
    firm: '企业', request: '关联诉求（可不选）', status: '状态', date: '日期', duration: '时长（分钟）', durationInvalid: '时长请填写整数分钟数，例如 90', diagnosis: '诊断情况', actions: '商定措施', followUp: '跟进日期', submit: '保存走访', photos: '照片或文件（选填）', photosHint: '可直接拍照；JPG、PNG 或 PDF', saving: '保存中…', warning: '已保存。注意：两周内另有服务团走访或计划走访该企业：', ok: '知道了',
    recent: '近期走访', noFirms: '目前没有可走访的企业（没有未办结诉求，也没有企业同意走访）。',
  },
  teams: {
    title: '专家服务团', intro: '十个专家服务团的成员、服务企业与工作量；可按企业库的已存视图批量分配企业。',
    cols: { team: '服务团', members: '成员', firms: '服务企业', open: '在办诉求', overdue: '超时', visits: '近90天走访', planned: '计划走访' },
    assign: '按已存视图分配企业', view: '已存视图', assignSubmit: '分配到本服务团',
    experts: '专家库', providers: '服务商联盟', expertCols: { name: '姓名', provider: '所属服务商', specialties: '专长', status: '状态', rating: '评分', reason: '状态说明' },
    changeStatus: '变更状态', reason: '理由', to: '改为', submit: '确认',
    sla: '办理时限（工作日）', slaSave: '保存时限',
  },
  portal: {
    title: '服务诉求',
    intro: '有求必应：遇到管理、融资、数字化、政策等方面的问题，可在此向市专家服务团提出诉求，服务免费。诉求办结须经贵企业确认。',
    file: '提出新诉求', action: '帮扶行动', item: '服务事项（可不选）', titleField: '标题', description: '问题描述', urgency: '紧急程度', preferred: '希望联系时间（如：工作日上午）', submit: '提交诉求', files: '附件（选填）', filesHint: 'PDF、JPG 或 PNG，每个不超过 10 MB，最多 10 个', sending: '提交中…',
    list: '我的诉求', none: '尚未提出诉求。', cols: { title: '诉求', state: '状态', team: '服务团', created: '提交时间' },
    consentTitle: '上门服务意愿（非请勿扰）',
    consentOn: '贵企业已同意服务团上门走访。可随时撤回。', consentOff: '未经贵企业同意，服务团不会上门（有未办结诉求时除外）。',
    give: '同意上门走访', withdraw: '撤回同意',
    detail: (id: number) => `诉求 #${id}`, history: '办理进度', confirm: '确认已解决并评价', rating: '评分（1–5）', feedback: '评价（选填）', reopen: '未解决，重新打开', reopenNote: '还有哪些问题未解决', withdrawRequest: '撤回诉求',
    visits: '服务团走访记录', back: '返回诉求列表',
  },
  dossier: { attachment: (n: number) => `附件 ${n}`, services: '服务记录', requests: '诉求', visits: '走访', consent: '上门意愿', consentYes: (d: string) => `已同意走访（${d}）`, consentNo: '未同意走访', none: '暂无' },
  priority: ['一般', '较高', '高', '最高'],
};

const en: typeof zh = {
  board: {
    title: 'Requests',
    intro: 'Every request is answered: firms ask in their portal, the bureau or a team lead routes it, deadlines count working days, and only the firm closes it.',
    overdueTitle: 'Overdue requests',
    state: 'State', allStates: 'All states', open: 'Open', team: 'Team', allTeams: 'All teams', county: 'Area', allCounties: 'All areas',
    action: 'Support action', allActions: 'All actions', overdue: 'Overdue only', reopened: 'Reopened by the firm', filter: 'Filter', q: 'Firm or title',
    cols: { id: 'No.', firm: 'Firm', title: 'Request', state: 'State', priority: 'Priority', team: 'Team / expert', due: 'Due', created: 'Filed' },
    total: (n: number) => `${n} in all`, none: 'No request matches.', prev: 'Previous', next: 'Next', overdueBadge: 'Overdue', escalate: 'Report overdue requests now',
  },
  request: {
    title: (id: number) => `Request #${id}`,
    firm: 'Firm', category: 'Category', description: 'Description', urgency: 'Urgency', preferred: 'Preferred time', attachments: 'Attachments', state: 'State', priority: 'Priority',
    due: 'Due', team: 'Team', expert: 'Expert', reopened: (n: number) => `Reopened ${n}×`, recordOutcome: 'Record an outcome of this request', rating: 'Firm\'s rating', feedback: 'Firm\'s comment',
    history: 'History', suggestions: 'Routing suggestions', suggestionCols: { expert: 'Expert', team: 'Team', why: 'Why', load: 'Open requests', rating: 'Rating', score: 'Score' },
    reasons: { item: 'specialty', action: 'same support action', area: 'covers the area', firm_team: 'the firm\'s team' },
    actions: 'Next step', note: 'Note', route: 'Route', chooseTeam: 'Team', chooseExpert: 'Expert (optional)', noActions: 'Nothing for you to do now.', byFirm: 'Firm', system: '—', logVisit: 'Log a visit',
  },
  visits: {
    title: 'Visit calendar', intro: 'One calendar for all teams. A visit is flagged when another team visited or plans to visit the same firm within two weeks.',
    from: 'From', to: 'to', filter: 'Show', none: 'No visits in this period.', clash: 'Another team within two weeks', planned: 'Planned', done: 'Done', cancelled: 'Cancelled',
    cols: { date: 'Date', firm: 'Firm', team: 'Team', status: 'Status', basis: 'Basis', followUp: 'Follow-up' },
    basis: { request: 'Firm\'s request', consent: 'Firm\'s consent' },
    log: 'Log a visit (phone)',
  },
  visitForm: {
    title: 'Log a visit', intro: 'Do not disturb: only firms with an open request or a consent to visits can be visited.',
    firm: 'Firm', request: 'Request (optional)', status: 'Status', date: 'Date', duration: 'Duration (minutes)', durationInvalid: 'Give the duration as whole minutes, e.g. 90', diagnosis: 'Diagnosis', actions: 'Actions agreed', followUp: 'Follow-up due', submit: 'Save visit', photos: 'Photos or files (optional)', photosHint: 'Take a photo directly; JPG, PNG or PDF', saving: 'Saving…', warning: 'Saved. Note: another team visited or plans to visit this firm within two weeks:', ok: 'OK',
    recent: 'Recent visits', noFirms: 'No firm can be visited now (none has an open request or a consent).',
  },
  teams: {
    title: 'Expert service teams', intro: 'The ten teams: members, the firms they serve and their workload; assign firms in bulk from a saved register view.',
    cols: { team: 'Team', members: 'Members', firms: 'Firms', open: 'Open requests', overdue: 'Overdue', visits: 'Visits (90 days)', planned: 'Planned visits' },
    assign: 'Assign firms from a saved view', view: 'Saved view', assignSubmit: 'Assign to this team',
    experts: 'Expert pool', providers: 'Provider alliance', expertCols: { name: 'Name', provider: 'Provider', specialties: 'Specialties', status: 'Status', rating: 'Rating', reason: 'Reason' },
    changeStatus: 'Change status', reason: 'Reason', to: 'To', submit: 'Confirm',
    sla: 'Deadlines (working days)', slaSave: 'Save deadlines',
  },
  portal: {
    title: 'Service requests',
    intro: 'Ask the city\'s expert teams for help with management, financing, digitalisation, policy and more — free of charge. A request is closed only when you confirm it is solved.',
    file: 'New request', action: 'Support action', item: 'Service item (optional)', titleField: 'Title', description: 'Describe the problem', urgency: 'Urgency', preferred: 'Preferred time to be contacted', submit: 'Send request', files: 'Attachments (optional)', filesHint: 'PDF, JPG or PNG, each up to 10 MB, at most 10 files', sending: 'Sending…',
    list: 'Your requests', none: 'No requests yet.', cols: { title: 'Request', state: 'State', team: 'Team', created: 'Filed' },
    consentTitle: 'Visits (do not disturb)',
    consentOn: 'You agreed to visits by the service teams. You can withdraw at any time.', consentOff: 'Without your consent no team visits you (unless you have an open request).',
    give: 'Agree to visits', withdraw: 'Withdraw consent',
    detail: (id: number) => `Request #${id}`, history: 'Progress', confirm: 'Confirm solved and rate', rating: 'Rating (1–5)', feedback: 'Comment (optional)', reopen: 'Not solved — reopen', reopenNote: 'What is still not solved', withdrawRequest: 'Withdraw the request',
    visits: 'Visits by the service teams', back: 'Back to your requests',
  },
  dossier: { attachment: (n: number) => `Attachment ${n}`, services: 'Services', requests: 'Requests', visits: 'Visits', consent: 'Visits consent', consentYes: (d: string) => `Agreed to visits (${d})`, consentNo: 'No consent to visits', none: 'None' },
  priority: ['Normal', 'Raised', 'High', 'Highest'],
};

export type ServicesStrings = typeof zh;

/** The services pages' words in `lang`. */
export function servicesStrings(lang: 'zh' | 'en'): ServicesStrings {
  return lang === 'en' ? en : zh;
}
