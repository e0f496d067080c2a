// The console's views. Each is an ordinary client of the API: what a view shows and may do is
// what the signed-in AccessKey may do, and every refusal is shown as the service words it.
import { call } from './acs.js';
import { h, fill, errorBox, notice, table, tags, status, dash, confirmDialog, copy, more } from './dom.js';
import * as snippets from './snippets.js';

// statuses a server passes through on its way to a resting one
const MOVING = new Set(['Pending', 'Starting', 'Stopping', 'Resetting', 'Upgrading', 'Rebooting']);

/** A section with a heading, a message area and a content area; returns its parts. */
function section(title, ...tools) {
  const message = h('div', { class: 'message', 'aria-live': 'polite' });
  const content = h('div', { class: 'content' }, h('p', { class: 'loading' }, 'Loading…'));
  const el = h('section', {}, h('div', { class: 'section-head' }, h('h2', {}, title), h('div', { class: 'tools' }, tools)),
    message, content);
  return { el, message, content };
}

async function load(part, fn) {
  try {
    await fn();
  } catch (e) {
    fill(part.content, errorBox(e));
  }
}

/** Runs an action after a confirmation; the outcome (or the service's error) goes to `message`. */
async function act(message, { title, text, confirm, product = 'swas-open', action, params, done }) {
  if (confirm && !(await confirmDialog({ title, text, confirm }))) return;
  try {
    const body = await call(product, action, params);
    fill(message, notice(`${action} accepted (RequestId ${body.RequestId}).`));
    await done?.();
  } catch (e) {
    fill(message, errorBox(e, action));
  }
}

/** An API time (ISO 8601 UTC) as 2026-12-03 13:00 UTC, the exact value in its title. */
function when(iso) {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? h('time', { datetime: iso, title: iso }, `${m[1]} ${m[2]} UTC`) : String(iso);
}

function button(label, onclick, attrs = {}) {
  return h('button', { type: 'button', onclick, ...attrs }, label);
}

// ---- Servers ----

async function servers(root, ctx) {
  const part = section(`In ${ctx.region}`, button('Refresh', () => draw()));
  root.append(part.el);
  let timer = null;
  const draw = async () => {
    clearTimeout(timer);
    await load(part, async () => {
      const body = await call('swas-open', 'ListInstances', { RegionId: ctx.region, PageSize: 100 });
      if (!ctx.live()) return;
      const list = body.Instances ?? [];
      fill(part.content, table([
        ['Server', (i) => h('div', {}, h('div', { class: 'name' }, dash(i.InstanceName)), h('code', {}, i.InstanceId))],
        ['Status', (i) => status(i.Status)],
        ['Plan', (i) => dash(i.PlanId)],
        ['Public IP', (i) => dash(i.PublicIpAddress)],
        ['Private IP', (i) => dash(i.InnerIpAddress)],
        ['Image', (i) => dash(i.Image?.ImageName ?? i.ImageId)],
        ['Tags', (i) => tags(i.Tags)],
        ['Actions', (i) => h('div', { class: 'actions' },
          button('Start', () => serverAction(i, 'StartInstance', 'Start'), { disabled: i.Status !== 'Stopped' }),
          button('Stop', () => serverAction(i, 'StopInstance', 'Stop'), { disabled: i.Status !== 'Running', class: 'danger' }),
          button('Reboot', () => serverAction(i, 'RebootInstance', 'Reboot'), { disabled: i.Status !== 'Running' }))],
      ], list, { empty: `No servers in ${ctx.region}.`, rowAttrs: (i) => ({ dataset: { instanceId: i.InstanceId } }) }),
      more(body, list.length));
      // while a server is on its way to a resting state, look again
      if (list.some((i) => MOVING.has(i.Status))) timer = setTimeout(() => ctx.live() && draw(), 1500);
    });
  };
  const serverAction = (i, action, verb) => act(part.message, {
    title: `${verb} server?`, text: `${verb} ${i.InstanceName || i.InstanceId} (${i.InstanceId}) in ${ctx.region}.`,
    confirm: verb, action, params: { RegionId: ctx.region, InstanceId: i.InstanceId }, done: draw });
  await draw();
}

// ---- Disks and snapshots ----

async function disks(root, ctx) {
  const d = section('Disks');
  const s = section('Snapshots');
  root.append(d.el, s.el);
  await Promise.all([
    load(d, async () => {
      const body = await call('swas-open', 'ListDisks', { RegionId: ctx.region, PageSize: 100 });
      fill(d.content, table([
        ['Disk', (x) => h('div', {}, h('div', { class: 'name' }, dash(x.DiskName)), h('code', {}, x.DiskId))],
        ['Type', (x) => dash(x.DiskType)],
        ['Category', (x) => dash(x.Category)],
        ['Size', (x) => `${x.Size} GiB`],
        ['Status', (x) => status(x.Status)],
        ['Server', (x) => dash(x.InstanceId)],
        ['Device', (x) => dash(x.Device)],
        ['Tags', (x) => tags(x.Tags)],
      ], body.Disks ?? [], { empty: `No disks in ${ctx.region}.` }), more(body, (body.Disks ?? []).length));
    }),
    load(s, async () => {
      const body = await call('swas-open', 'ListSnapshots', { RegionId: ctx.region, PageSize: 100 });
      fill(s.content, table([
        ['Snapshot', (x) => h('div', {}, h('div', { class: 'name' }, dash(x.SnapshotName)), h('code', {}, x.SnapshotId))],
        ['Status', (x) => status(x.Status)],
        ['Progress', (x) => dash(x.Progress)],
        ['Source disk', (x) => `${dash(x.SourceDiskId)} (${dash(x.SourceDiskType)})`],
        ['Server', (x) => dash(x.InstanceId)],
        ['Created', (x) => when(x.CreationTime)],
      ], body.Snapshots ?? [], { empty: `No snapshots in ${ctx.region}.` }), more(body, (body.Snapshots ?? []).length));
    }),
  ]);
}

// ---- Custom images ----

// ListCustomImages sends its status as a code
const IMAGE_STATUS = { 0: 'Copying', 1: 'Available', 2: 'Unavailable', 3: 'CreationFailed', 4: 'Creating' };
const imageStatus = (code) => h('span', { title: `Status ${code}` }, status(IMAGE_STATUS[code] ?? code));

async function images(root, ctx) {
  const part = section(`In ${ctx.region}`, button('Refresh', () => draw()));
  const shares = h('div', { class: 'detail', 'aria-live': 'polite' });
  root.append(part.el, shares);
  const draw = () => load(part, async () => {
    const body = await call('swas-open', 'ListCustomImages', { RegionId: ctx.region, PageSize: 100 });
    if (!ctx.live()) return;
    fill(part.content, table([
      ['Image', (x) => h('div', {}, h('div', { class: 'name' }, dash(x.Name)), h('code', {}, x.ImageId),
        x.InstanceId ? h('div', { class: 'muted small' }, 'from server ', h('code', {}, x.InstanceId)) : null)],
      ['Status', (x) => imageStatus(x.Status)],
      ['OS', (x) => dash(x.OsType)],
      ['Shared to ECS', (x) => (x.InShare ? 'Yes' : 'No')],
      ['Shared to accounts', (x) => (x.InShareUser ? 'Yes' : 'No')],
      ['Created', (x) => when(x.CreationTime)],
      ['Actions', (x) => h('div', { class: 'actions' },
        x.InShare
          ? button('Unshare from ECS', () => act(part.message, { action: 'ModifyImageShareStatus',
            params: { RegionId: ctx.region, ImageId: x.ImageId, Operation: 'UnShare' }, done: draw }))
          : button('Share to ECS', () => act(part.message, { action: 'ModifyImageShareStatus',
            params: { RegionId: ctx.region, ImageId: x.ImageId, Operation: 'Share' }, done: draw })),
        button('Accounts', () => shareAccounts(x)),
        button('Delete', () => act(part.message, { title: 'Delete custom image?',
          text: `Delete ${x.Name || x.ImageId} (${x.ImageId}). A shared image cannot be deleted.`, confirm: 'Delete',
          action: 'DeleteCustomImages', params: { RegionId: ctx.region, ImageIds: JSON.stringify([x.ImageId]) }, done: draw }),
        { class: 'danger' }))],
    ], body.CustomImages ?? [], { empty: `No custom images in ${ctx.region}.` }), more(body, (body.CustomImages ?? []).length));
  });
  const shareAccounts = async (x) => {
    fill(shares, h('p', { class: 'loading' }, 'Loading…'));
    try {
      const body = await call('swas-open', 'ListCustomImageShareAccounts', { RegionId: ctx.region, ImageId: x.ImageId, PageSize: 100 });
      fill(shares, h('h2', {}, `Accounts ${x.ImageId} is shared to`), table([
        ['Account', (u) => String(u.UserId)], ['Shared', (u) => when(u.SharedTime)],
      ], body.ImageShareUsers ?? [], { empty: 'Shared to no other account.' }));
    } catch (e) {
      fill(shares, errorBox(e, 'ListCustomImageShareAccounts'));
    }
  };
  await draw();
}

// ---- Firewall ----

async function firewall(root, ctx) {
  const rules = section('Firewall rules');
  const templates = section('Firewall templates');
  root.append(rules.el, templates.el);
  const picker = h('select', { id: 'firewall-server' });
  const ruleList = h('div', {});
  const showRules = () => load({ content: ruleList }, async () => {
    if (!picker.value) return fill(ruleList, h('p', { class: 'empty' }, 'No server chosen.'));
    fill(ruleList, h('p', { class: 'loading' }, 'Loading…'));
    const body = await call('swas-open', 'ListFirewallRules', { RegionId: ctx.region, InstanceId: picker.value, PageSize: 100 });
    fill(ruleList, table([
      ['Rule', (r) => h('code', {}, r.RuleId)],
      ['Protocol', (r) => dash(r.RuleProtocol)],
      ['Port', (r) => dash(r.Port)],
      ['Source', (r) => dash(r.SourceCidrIp)],
      ['Policy', (r) => dash(r.Policy)],
      ['Remark', (r) => dash(r.Remark)],
    ], body.FirewallRules ?? [], { empty: 'No rules.' }));
  });
  picker.addEventListener('change', showRules);
  await Promise.all([
    load(rules, async () => {
      const body = await call('swas-open', 'ListInstances', { RegionId: ctx.region, PageSize: 100 });
      const list = body.Instances ?? [];
      if (!list.length) return fill(rules.content, h('p', { class: 'empty' }, `No servers in ${ctx.region}.`));
      fill(picker, list.map((i) => h('option', { value: i.InstanceId }, `${i.InstanceName || i.InstanceId} (${i.InstanceId})`)));
      fill(rules.content, h('div', { class: 'field inline' }, h('label', { for: 'firewall-server' }, 'Server'), picker), ruleList);
      await showRules();
    }),
    load(templates, async () => {
      const body = await call('swas-open', 'DescribeFirewallTemplates', { RegionId: ctx.region, PageSize: 100 });
      fill(templates.content, table([
        ['Template', (t) => h('div', {}, h('div', { class: 'name' }, dash(t.Name)), h('code', {}, t.FirewallTemplateId))],
        ['Description', (t) => dash(t.Description)],
        ['Rules', (t) => (t.FirewallTemplateRules ?? []).length
          ? h('ul', { class: 'plain' }, t.FirewallTemplateRules.map((r) => h('li', {}, `${r.RuleProtocol} ${r.Port} from ${r.SourceCidrIp}${r.Remark ? ` (${r.Remark})` : ''}`)))
          : '—'],
        ['Created', (t) => when(t.CreationTime ?? t.CreateTime)],
      ], body.FirewallTemplates ?? [], { empty: `No firewall templates in ${ctx.region}.` }));
    }),
  ]);
}

// ---- Key pairs ----

async function keypairs(root, ctx) {
  const part = section(`In ${ctx.region}`);
  root.append(part.el);
  await load(part, async () => {
    const body = await call('swas-open', 'ListKeyPairs', { RegionId: ctx.region, PageSize: 100 });
    fill(part.content, table([
      ['Name', (k) => h('span', { class: 'name' }, k.KeyPairName)],
      ['Servers', (k) => ((k.InstanceIds ?? []).length ? k.InstanceIds.join(', ') : '—')],
      ['Public key', (k) => h('code', { class: 'clip', title: k.PublicKey ?? '' }, k.PublicKey ? `${k.PublicKey.slice(0, 40)}…` : '—')],
      ['Created', (k) => when(k.CreationTime)],
    ], body.KeyPairs ?? [], { empty: `No key pairs in ${ctx.region}.` }), more(body, (body.KeyPairs ?? []).length));
  });
}

// ---- RAM ----

async function ram(root) {
  const users = section('Users');
  const groups = section('Groups');
  const policyType = h('select', { id: 'policy-type' }, h('option', { value: 'Custom' }, 'Custom'), h('option', { value: 'System' }, 'System'));
  const policies = section('Policies', h('label', { for: 'policy-type' }, 'Type'), policyType);
  const detail = h('div', { class: 'detail', 'aria-live': 'polite' });
  const simulator = h('section', { class: 'simulator' });
  root.append(users.el, groups.el, policies.el, detail, simulator);
  const userNames = h('datalist', { id: 'ram-principals' });

  const showDetail = async (title, loaders) => {
    fill(detail, h('h2', {}, title), h('p', { class: 'loading' }, 'Loading…'));
    const parts = [];
    for (const [caption, fn] of loaders) {
      try {
        parts.push(h('h3', {}, caption), await fn());
      } catch (e) {
        parts.push(h('h3', {}, caption), errorBox(e));
      }
    }
    fill(detail, h('h2', {}, title), parts);
    detail.querySelector('h2').scrollIntoView?.({ block: 'nearest' });
  };
  const policyTable = (list) => table([
    ['Policy', (p) => p.PolicyName], ['Type', (p) => p.PolicyType], ['Attached', (p) => dash(p.AttachDate)],
  ], list, { empty: 'No policies attached.' });
  const showPolicy = (p) => showDetail(`Policy ${p.PolicyName}`, [['Default version document', async () => {
    const body = await call('ram', 'GetPolicy', { PolicyName: p.PolicyName, PolicyType: p.PolicyType });
    let doc = body.DefaultPolicyVersion?.PolicyDocument ?? body.Policy?.PolicyDocument ?? '';
    try { doc = JSON.stringify(JSON.parse(doc), null, 2); } catch { /* as stored */ }
    return h('pre', { class: 'code' }, doc);
  }]]);

  const drawPolicies = () => load(policies, async () => {
    const body = await call('ram', 'ListPolicies', { PolicyType: policyType.value, MaxItems: 1000 });
    fill(policies.content, table([
      ['Policy', (p) => h('span', { class: 'name' }, p.PolicyName)],
      ['Type', (p) => p.PolicyType],
      ['Description', (p) => dash(p.Description)],
      ['Default version', (p) => dash(p.DefaultVersion)],
      ['Attachments', (p) => dash(p.AttachmentCount)],
      ['', (p) => button('Document', () => showPolicy(p))],
    ], body.Policies?.Policy ?? [], { empty: `No ${policyType.value.toLowerCase()} policies.` }));
  });
  policyType.addEventListener('change', drawPolicies);

  await Promise.all([
    load(users, async () => {
      const body = await call('ram', 'ListUsers', { MaxItems: 1000 });
      const list = body.Users?.User ?? [];
      fill(userNames, list.map((u) => h('option', { value: u.UserName })));
      fill(users.content, table([
        ['User', (u) => h('span', { class: 'name' }, u.UserName)],
        ['Display name', (u) => dash(u.DisplayName)],
        ['Created', (u) => when(u.CreateDate)],
        ['', (u) => button('Policies and groups', () => showDetail(`User ${u.UserName}`, [
          ['Policies', async () => policyTable((await call('ram', 'ListPoliciesForUser', { UserName: u.UserName })).Policies?.Policy ?? [])],
          ['Groups', async () => table([['Group', (g) => g.GroupName], ['Joined', (g) => dash(g.JoinDate)]],
            (await call('ram', 'ListGroupsForUser', { UserName: u.UserName })).Groups?.Group ?? [], { empty: 'In no group.' })],
        ]))],
      ], list, { empty: 'No RAM users.' }));
    }),
    load(groups, async () => {
      const body = await call('ram', 'ListGroups', { MaxItems: 100 });
      fill(groups.content, table([
        ['Group', (g) => h('span', { class: 'name' }, g.GroupName)],
        ['Comments', (g) => dash(g.Comments)],
        ['Created', (g) => when(g.CreateDate)],
        ['', (g) => button('Policies and members', () => showDetail(`Group ${g.GroupName}`, [
          ['Policies', async () => policyTable((await call('ram', 'ListPoliciesForGroup', { GroupName: g.GroupName })).Policies?.Policy ?? [])],
          ['Members', async () => table([['User', (u) => u.UserName], ['Joined', (u) => dash(u.JoinDate)]],
            (await call('ram', 'ListUsersForGroup', { GroupName: g.GroupName })).Users?.User ?? [], { empty: 'No members.' })],
        ]))],
      ], body.Groups?.Group ?? [], { empty: 'No groups.' }));
    }),
    drawPolicies(),
  ]);

  // the policy simulator: RAM SimulatePrincipalPolicy
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { for: id }, label), input);
  const type = h('select', { id: 'sim-type', name: 'PrincipalType' }, h('option', {}, 'User'), h('option', {}, 'Group'));
  const name = h('input', { id: 'sim-principal', name: 'PrincipalName', list: 'ram-principals', required: true, spellcheck: 'false' });
  const action = h('input', { id: 'sim-action', name: 'ActionName', placeholder: 'swas-open:StopInstance', required: true, spellcheck: 'false' });
  const resource = h('input', { id: 'sim-resource', name: 'ResourceArn', placeholder: '*', spellcheck: 'false' });
  const sourceIp = h('input', { id: 'sim-source-ip', name: 'SourceIp', placeholder: 'optional', spellcheck: 'false' });
  const result = h('div', { class: 'sim-result', 'aria-live': 'polite' });
  fill(simulator, h('h2', {}, 'Policy simulator'),
    h('p', { class: 'muted' }, 'What RAM decides for a user or group, an action and a resource, with the policies attached now.'),
    h('form', { class: 'grid-form', onsubmit: async (e) => {
      e.preventDefault();
      fill(result, h('p', { class: 'loading' }, 'Simulating…'));
      try {
        const body = await call('ram', 'SimulatePrincipalPolicy', {
          PrincipalType: type.value, PrincipalName: name.value.trim(), ActionName: action.value.trim(),
          ResourceArn: resource.value.trim() || undefined, SourceIp: sourceIp.value.trim() || undefined });
        const m = body.MatchedStatement;
        fill(result, h('dl', { class: 'decision' },
          h('dt', {}, 'Decision'), h('dd', {}, h('span', { class: `decision-${String(body.Decision).toLowerCase()}`, id: 'sim-decision' }, body.Decision)),
          h('dt', {}, 'Explanation'), h('dd', {}, dash(body.Explanation)),
          h('dt', {}, 'Matched statement'), h('dd', {}, m ? `${m.PolicyName} (${m.PolicyType}), Statement[${m.StatementIndex}]` : 'none')));
      } catch (err) {
        fill(result, errorBox(err, 'SimulatePrincipalPolicy'));
      }
    } },
    field('sim-type', 'Principal type', type), field('sim-principal', 'Principal name', name), userNames,
    field('sim-action', 'Action', action), field('sim-resource', 'Resource ARN', resource),
    field('sim-source-ip', 'Source IP', sourceIp),
    h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Simulate'))),
    result);
}

// ---- Request log ----

const NO_LOG_FILTERS = { ActionName: '', Code: '', Principal: '', StartTime: '', EndTime: '', PageNumber: 1 };
const logFilters = { ...NO_LOG_FILTERS };

/** A datetime-local value read as UTC (the log shows UTC), in the form ListRequestLogs takes. */
const utc = (value) => (value ? `${value}${value.length === 16 ? ':00' : ''}Z` : '');

async function logs(root, ctx) {
  const input = (id, label, key, placeholder) => {
    const el = h('input', { id, name: key, value: logFilters[key], placeholder, spellcheck: 'false' });
    return [h('div', { class: 'field' }, h('label', { for: id }, label), el), el];
  };
  const [actionField, action] = input('log-action', 'Action', 'ActionName', 'e.g. DeleteCustomImages');
  const [codeField, code] = input('log-code', 'Code', 'Code', 'e.g. CustomImageInShare, or Success');
  const [principalField, principal] = input('log-principal', 'Principal', 'Principal', 'account or account/user');
  const when = (id, label, key) => {
    const el = h('input', { id, name: key, type: 'datetime-local', step: '1', value: logFilters[key].replace(/Z$/, '') });
    return [h('div', { class: 'field' }, h('label', { for: id }, label), el), el];
  };
  const [fromField, from] = when('log-from', 'From (UTC)', 'StartTime');
  const [untilField, until] = when('log-until', 'Until (UTC)', 'EndTime');
  const part = section('Calls', button('Refresh', () => draw()));
  const form = h('form', { class: 'filters grid-form', onsubmit: (e) => {
    e.preventDefault();
    Object.assign(logFilters, { ActionName: action.value.trim(), Code: code.value.trim(), Principal: principal.value.trim(),
      StartTime: utc(from.value), EndTime: utc(until.value), PageNumber: 1 });
    draw();
  } }, actionField, codeField, principalField, fromField, untilField,
  h('div', { class: 'field buttons' }, h('button', { type: 'submit' }, 'Filter'),
    button('Clear', () => {
      action.value = code.value = principal.value = from.value = until.value = '';
      Object.assign(logFilters, NO_LOG_FILTERS);
      draw();
    }, { class: 'secondary' })));
  root.append(h('p', { class: 'muted' }, 'Every API call this swasd served, newest first: its parameters (secrets masked), outcome and SDK code that repeats it.'),
    form, part.el);

  const detail = (entry) => {
    const params = snippets.parameters(entry);
    const javaCode = snippets.java(entry, ctx.endpoint);
    const nodeCode = snippets.node(entry, ctx.endpoint);
    const block = (title, text, cls) => {
      const pre = h('pre', { class: `code ${cls}` }, text);
      const state = h('span', { class: 'copied', 'aria-live': 'polite' });
      return h('div', { class: 'snippet' }, h('div', { class: 'snippet-head' }, h('h3', {}, title),
        cls ? button(`Copy ${title}`, async () => fill(state, (await copy(text, pre)) ? 'Copied.' : 'Selected: press Ctrl+C.'), { class: 'secondary' }) : null, state), pre);
    };
    return h('div', { class: 'log-detail' },
      h('dl', { class: 'facts' },
        h('dt', {}, 'Product'), h('dd', {}, `${entry.Product} ${entry.Version}`),
        h('dt', {}, 'AccessKey'), h('dd', {}, dash(entry.AccessKeyId)),
        h('dt', {}, 'Source IP'), h('dd', {}, dash(entry.SourceIp)),
        entry.Message ? [h('dt', {}, 'Message'), h('dd', {}, entry.Message)] : null),
      block('Parameters', JSON.stringify(params, null, 2), ''),
      block('Java', javaCode, 'java'),
      block('Node', nodeCode, 'node'));
  };

  const draw = () => load(part, async () => {
    const body = await call('swas-open', 'ListRequestLogs', {
      ActionName: logFilters.ActionName, Code: logFilters.Code, Principal: logFilters.Principal,
      StartTime: logFilters.StartTime, EndTime: logFilters.EndTime, PageNumber: logFilters.PageNumber, PageSize: 20 });
    if (!ctx.live()) return;
    const list = body.RequestLogs ?? [];
    const total = Number(body.TotalCount ?? list.length);
    const pages = Math.max(1, Math.ceil(total / Number(body.PageSize || 20)));
    const rows = [];
    const tbody = h('tbody', {});
    for (const [n, e] of list.entries()) {
      const detailRow = h('tr', { class: 'detail-row', hidden: true, id: `log-detail-${n}` }, h('td', { colspan: 8 }));
      const toggle = button('Details', () => {
        const open = detailRow.hidden;
        if (open && !detailRow.firstChild.firstChild) fill(detailRow.firstChild, detail(e));
        detailRow.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
      }, { 'aria-expanded': 'false', 'aria-controls': `log-detail-${n}` });
      const cells = [
        ['Time', h('time', { datetime: e.Time, title: e.Time }, ...String(e.Time ?? '').replace(/Z$/, '').split('T')
          .map((part) => h('span', { class: 'line' }, part)))],
        ['Principal', dash(e.Principal)],
        ['Action', h('span', {}, h('span', { class: 'name' }, e.Action), ' ', h('span', { class: 'muted' }, e.Product))],
        ['Status', String(e.HttpStatus)],
        ['Code', e.Code ? h('strong', { class: 'code' }, e.Code) : h('span', { class: 'ok' }, 'Success')],
        ['Latency', `${(Number(e.LatencyMicros) / 1000).toFixed(1)} ms`],
        ['RequestId', h('code', {}, e.RequestId)],
        ['', toggle],
      ];
      rows.push(h('tr', { class: e.Code ? 'failed' : '' }, cells.map(([label, c]) => h('td', { 'data-label': label }, c))), detailRow);
    }
    fill(tbody, rows);
    const pager = h('div', { class: 'pager' },
      button('Previous', () => { logFilters.PageNumber -= 1; draw(); }, { disabled: logFilters.PageNumber <= 1, class: 'secondary' }),
      h('span', {}, `Page ${logFilters.PageNumber} of ${pages} (${total} calls)`),
      button('Next', () => { logFilters.PageNumber += 1; draw(); }, { disabled: logFilters.PageNumber >= pages, class: 'secondary' }));
    fill(part.content, list.length
      ? [h('div', { class: 'table-wrap' }, h('table', { class: 'log' },
        h('colgroup', {}, ['time', 'principal', 'action', 'status', 'code', 'latency', 'request-id', 'details'].map((c) => h('col', { class: `col-${c}` }))),
        h('thead', {}, h('tr', {}, ['Time (UTC)', 'Principal', 'Action', 'Status', 'Code', 'Latency', 'RequestId', ''].map((l) => h('th', { scope: 'col' }, l)))),
        tbody)), pager]
      : h('p', { class: 'empty' }, 'No calls match.'));
  });
  await draw();
}

export const VIEWS = {
  servers: { title: 'Servers', render: servers },
  disks: { title: 'Disks and snapshots', render: disks },
  images: { title: 'Custom images', render: images },
  firewall: { title: 'Firewall', render: firewall },
  keypairs: { title: 'Key pairs', render: keypairs },
  ram: { title: 'RAM users, groups and policies', render: ram },
  logs: { title: 'Request log', render: logs },
};
