// Pages for platform admins (clusters, teams and their keys, platform keys) and for admins (their team's keys,
// the audit log).
import {call, get, query} from './api.js';
import {h, replace, problemBox, field, showFieldErrors, statusBadge, labelsText, when, bytes, copy, notice} from './dom.js';

function meter(id, label, value, max) {
  if (max === null || max === undefined || value === null || value === undefined) {
    return h('span', {}, value === null || value === undefined ? '—' : `${value} (no limit)`);
  }
  return h('span', {class: 'fill'}, h('meter', {id, min: 0, max, value, 'aria-label': label}), ` ${value} / ${max}`);
}

export async function plansPage(main, {me, navigate}) {
  const page = await get('/v1/plans');
  const gb = count => `${(count / 1e9).toLocaleString(undefined, {maximumFractionDigits: 1})} GB`;
  const admin = me.role === 'platform_admin';
  const out = h('div', {id: 'plan-status', 'aria-live': 'polite'});
  const remove = p => h('button', {type: 'button', class: 'destructive', 'aria-label': `Remove plan ${p.name}`, onclick: async () => {
    try {
      await call('DELETE', `/v1/plans/${encodeURIComponent(p.name)}`);
      navigate('/plans');
    } catch (e) {
      replace(out, problemBox(e.problem));
    }
  }}, 'Remove');
  replace(main, h('h1', {}, 'Plans'),
    h('p', {class: 'muted'}, 'Every database is on one of these plans: its connection limit on the cluster and its price.'),
    h('table', {class: 'list', id: 'plans'},
      h('caption', {class: 'visually-hidden'}, 'Plans'),
      h('thead', {}, h('tr', {}, ['Plan', 'Connections', 'Storage limit', 'Included storage', 'A month', 'Per GB above', admin ? 'Actions' : null]
        .filter(Boolean).map(c => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, page.items.map(p => h('tr', {'data-name': p.name},
        h('th', {scope: 'row'}, p.name, p.default ? h('span', {class: 'muted small'}, ' (default)') : null,
          p.description ? h('div', {class: 'muted small'}, p.description) : null),
        h('td', {'data-label': 'Connections'}, p.max_connections),
        h('td', {'data-label': 'Storage limit'}, gb(p.storage_limit_bytes)),
        h('td', {'data-label': 'Included storage'}, gb(p.included_storage_bytes)),
        h('td', {'data-label': 'A month'}, `${p.price_per_month} ${p.currency}`),
        h('td', {'data-label': 'Per GB above'}, `${p.price_per_gb_month} ${p.currency}`),
        admin ? h('td', {'data-label': 'Actions'}, remove(p)) : null)))),
    admin ? planForm(page.items, navigate, out) : null, out);
}

/**
 * A platform admin's form: a new plan (POST), or a change to one (a merge patch on the version shown: its prices,
 * description and default at any time; its limits only while no database uses it, else the problem says so).
 */
function planForm(plans, navigate, out) {
  const control = (name, attributes = {}) => h('input', {id: `p-${name}`, name, autocomplete: 'off', ...attributes});
  const which = h('select', {id: 'p-which', name: 'which'},
    h('option', {value: ''}, 'A new plan'), plans.map(p => h('option', {value: p.name}, p.name)));
  const inputs = {
    name: control('name'),
    description: control('description'),
    max_connections: control('max_connections', {type: 'number', min: 1}),
    storage_limit_bytes: control('storage_limit_bytes', {type: 'number', min: 1}),
    included_storage_bytes: control('included_storage_bytes', {type: 'number', min: 0}),
    price_per_month: control('price_per_month', {inputmode: 'decimal', placeholder: '15.00'}),
    price_per_gb_month: control('price_per_gb_month', {inputmode: 'decimal', placeholder: '0.1000'}),
  };
  const isDefault = h('input', {id: 'p-default', name: 'default', type: 'checkbox'});
  const fill = () => {
    const chosen = plans.find(p => p.name === which.value);
    for (const [name, input] of Object.entries(inputs)) input.value = chosen ? String(chosen[name] ?? '') : '';
    inputs.name.disabled = Boolean(chosen);
    isDefault.checked = Boolean(chosen && chosen.default);
  };
  which.addEventListener('change', fill);
  const form = h('form', {class: 'card', id: 'plan-form', novalidate: true, onsubmit: async event => {
    event.preventDefault();
    const chosen = plans.find(p => p.name === which.value);
    const body = {};
    for (const [name, input] of Object.entries(inputs)) {
      if (chosen && name === 'name') continue;
      const value = input.value.trim();
      const numeric = ['max_connections', 'storage_limit_bytes', 'included_storage_bytes'].includes(name);
      const typed = numeric ? (value === '' ? null : Number(value)) : value;
      // A change sends what differs only: a plan in use refuses new limits, not the same ones.
      if (!chosen ? value !== '' : String(chosen[name] ?? '') !== value) body[name] = typed;
    }
    if (!chosen ? isDefault.checked : isDefault.checked !== chosen.default) body.default = isDefault.checked;
    try {
      if (chosen) {
        if (!Object.keys(body).length) {
          replace(out, notice('Nothing changed.'));
          return;
        }
        await call('PATCH', `/v1/plans/${encodeURIComponent(chosen.name)}`, {body, contentType: 'application/merge-patch+json', ifMatch: chosen.version});
      } else {
        await call('POST', '/v1/plans', {body});
      }
      navigate('/plans');
    } catch (e) {
      replace(out, problemBox({...e.problem, errors: showFieldErrors(form, e.problem)}));
    }
  }},
  h('h2', {}, 'Add or change a plan'),
  field('Plan', which),
  field('Name', inputs.name),
  field('Description', inputs.description),
  field('Connections', inputs.max_connections),
  field('Storage limit (bytes)', inputs.storage_limit_bytes),
  field('Included storage (bytes)', inputs.included_storage_bytes),
  field('Price a month', inputs.price_per_month, 'An exact decimal, e.g. 15.00'),
  field('Price per GB a month above the included', inputs.price_per_gb_month),
  h('div', {class: 'field checkbox'}, isDefault, h('label', {for: 'p-default'}, 'The default plan')),
  h('button', {type: 'submit', class: 'primary'}, 'Save plan'));
  return form;
}

export async function clustersPage(main) {
  const page = await get('/v1/clusters?page_size=500');
  replace(main, h('h1', {}, 'Clusters'),
    h('table', {class: 'list', id: 'clusters'},
      h('caption', {class: 'visually-hidden'}, 'Clusters'),
      h('thead', {}, h('tr', {}, ['Name', 'Region', 'State', 'Health', 'Databases', 'Storage', 'Connections'].map(c => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, page.items.map(c => h('tr', {'data-name': c.name},
        h('th', {scope: 'row'}, c.name, h('div', {class: 'muted small'}, labelsText(c.labels))),
        h('td', {'data-label': 'Region'}, c.region || '—'),
        h('td', {'data-label': 'State'}, c.state),
        h('td', {'data-label': 'Health'}, statusBadge(c.health.status),
          c.health.latency_ms !== null && c.health.latency_ms !== undefined ? h('span', {class: 'muted small'}, ` ${c.health.latency_ms} ms`) : null,
          c.health.error ? h('div', {class: 'error-text'}, c.health.error) : null,
          h('div', {class: 'muted small'}, `checked ${when(c.health.checked_at)}`)),
        h('td', {'data-label': 'Databases'}, meter(`fill-${c.name}`, `Databases on ${c.name}`, c.database_count, c.max_databases)),
        h('td', {'data-label': 'Storage'}, c.max_storage_bytes ? meter(`storage-${c.name}`, `Storage of ${c.name}`, c.storage_bytes, c.max_storage_bytes) : bytes(c.storage_bytes)),
        h('td', {'data-label': 'Connections'}, meter(`connections-${c.name}`, `Connections of ${c.name}`, c.health.connections, c.health.max_connections)))))));
}

export async function teamsPage(main, {navigate}) {
  const page = await get('/v1/teams?page_size=500');
  const slug = h('input', {id: 't-slug', name: 'slug', autocomplete: 'off'});
  const display = h('input', {id: 't-display_name', name: 'display_name', autocomplete: 'off'});
  const out = h('div', {'aria-live': 'polite'});
  replace(main, h('h1', {}, 'Teams'),
    h('ul', {class: 'plain', id: 'teams'}, page.items.map(t => h('li', {},
      h('a', {href: `#/teams/${t.slug}`}, t.slug), ` ${t.display_name}`))),
    h('form', {class: 'card', id: 'team-form', onsubmit: async event => {
      event.preventDefault();
      try {
        await call('POST', '/v1/teams', {body: {slug: slug.value, display_name: display.value}});
        navigate(`/teams/${slug.value}`);
      } catch (e) {
        replace(out, problemBox(e.problem));
      }
    }}, h('h2', {}, 'New team'), field('Slug', slug), field('Display name', display),
    h('button', {type: 'submit', class: 'primary'}, 'Create team'), out));
}

/** A key list with revoke buttons, and a form whose new key's token is shown once. */
function keysSection(main, title, listPath, createPath, roles) {
  const section = h('section', {id: 'keys'});
  const created = h('div', {id: 'new-key', 'aria-live': 'polite'});
  async function load() {
    let items;
    try {
      items = (await get(listPath)).items;
    } catch (e) {
      replace(section, problemBox(e.problem));
      return;
    }
    replace(section, h('table', {class: 'list', id: 'key-list'},
      h('caption', {class: 'visually-hidden'}, title),
      h('thead', {}, h('tr', {}, ['Prefix', 'Role', 'Description', 'Last used', 'Expires', 'State', ''].map(c => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, items.map(k => h('tr', {'data-id': k.id},
        h('th', {scope: 'row'}, h('code', {}, k.prefix)),
        h('td', {'data-label': 'Role'}, k.role),
        h('td', {'data-label': 'Description'}, k.description || '—'),
        h('td', {'data-label': 'Last used'}, when(k.last_used_at)),
        h('td', {'data-label': 'Expires'}, when(k.expires_at)),
        h('td', {'data-label': 'State'}, k.revoked_at ? `revoked ${when(k.revoked_at)}` : 'active'),
        h('td', {}, k.revoked_at ? null : h('button', {type: 'button', class: 'destructive', 'aria-label': `Revoke key ${k.prefix}`, onclick: async () => {
          try {
            await call('DELETE', `${listPath.split('?')[0]}/${k.id}`);
            await load();
          } catch (e) {
            replace(created, problemBox(e.problem));
          }
        }}, 'Revoke')))))));
  }
  const role = h('select', {id: 'k-role', name: 'role'}, roles.map(r => h('option', {value: r}, r)));
  const description = h('input', {id: 'k-description', name: 'description', maxlength: 200});
  const expires = h('input', {id: 'k-expires_at', name: 'expires_at', type: 'date'});
  const form = h('form', {class: 'card', id: 'key-form', onsubmit: async event => {
    event.preventDefault();
    const body = {role: role.value};
    if (description.value) body.description = description.value;
    if (expires.value) body.expires_at = `${expires.value}T00:00:00Z`;
    try {
      const key = (await call('POST', createPath, {body})).body;
      const copied = h('span', {class: 'muted small', 'aria-live': 'polite'});
      replace(created, h('div', {class: 'secret', role: 'status'},
        h('p', {}, h('strong', {}, 'The new key, shown this once: '), 'copy it now, DAAP never shows it again.'),
        h('p', {}, h('code', {id: 'new-token', class: 'wrap'}, key.token)),
        h('button', {type: 'button', onclick: () => copy(key.token, copied)}, 'Copy key'), copied));
      await load();
    } catch (e) {
      replace(created, problemBox(e.problem));
    }
  }}, h('h2', {}, 'New key'), field('Role', role), field('Description', description), field('Expires (optional)', expires),
  h('button', {type: 'submit', class: 'primary'}, 'Create key'));
  return {nodes: [section, created, form], load};
}

export async function teamPage(main, {me, params}) {
  const slug = params[0];
  const team = await get(`/v1/teams/${slug}`);
  const keys = keysSection(main, `API keys of ${slug}`, `/v1/teams/${slug}/api-keys`, `/v1/teams/${slug}/api-keys`, ['member', 'viewer', 'admin']);
  const budget = team.monthly_budget ? `${team.monthly_budget.amount} ${team.monthly_budget.currency}` : 'none';
  replace(main, me.role === 'platform_admin' ? h('p', {}, h('a', {href: '#/teams'}, '← Teams')) : null, h('h1', {}, `Team ${team.slug}`),
    h('p', {}, team.display_name),
    h('dl', {class: 'facts', id: 'team-facts'},
      h('dt', {}, 'Monthly budget'), h('dd', {}, budget),
      h('dt', {}, 'Live databases at most'), h('dd', {}, team.max_databases ?? 'the installation\'s default')),
    h('h2', {}, 'API keys'), ...keys.nodes);
  await keys.load();
}

export async function platformKeysPage(main) {
  const keys = keysSection(main, 'Platform admin keys', '/v1/api-keys', '/v1/api-keys', ['platform_admin']);
  replace(main, h('h1', {}, 'Platform admin keys'), ...keys.nodes);
  await keys.load();
}

const ACTIONS = ['team.create', 'api_key.create', 'api_key.revoke', 'database.create', 'database.update', 'database.delete',
  'database.retry', 'database.restore', 'database.purge', 'credentials.read', 'credentials.rotate', 'cluster.register',
  'cluster.update', 'cluster.delete', 'snapshot.create', 'snapshot.delete', 'snapshot.restore', 'backup.create',
  'backup.delete', 'user.create', 'user.delete', 'user.credentials_read', 'user.credentials_rotate', 'user.previous_login_revoke'];

export async function auditPage(main, {me, query: q, navigate}) {
  const names = ['team', 'resource_type', 'resource_id', 'actor', 'action', 'from', 'to'];
  const values = Object.fromEntries(names.map(n => [n, q.get(n) || '']));
  const pages = q.getAll('page');
  const input = (name, label, attributes = {}) => field(label, h('input', {id: `a-${name}`, name, value: values[name], ...attributes}));
  const action = h('select', {id: 'a-action', name: 'action'}, h('option', {value: ''}, 'Any'),
    ACTIONS.map(a => h('option', {value: a, selected: values.action === a}, a)));
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter the audit log', onsubmit: event => {
    event.preventDefault();
    const data = new FormData(form);
    navigate(`/audit${query(Object.fromEntries(names.map(n => [n, data.get(n)])))}`);
  }},
  me.role === 'platform_admin' ? input('team', 'Team') : null,
  input('resource_type', 'Resource type', {placeholder: 'database'}),
  input('resource_id', 'Resource id'),
  input('actor', 'Actor (key id)'),
  field('Action', action),
  input('from', 'From (RFC 3339)', {placeholder: '2026-12-01T00:00:00Z'}),
  input('to', 'To (RFC 3339)'),
  h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, 'Apply'), h('a', {class: 'button', href: '#/audit'}, 'Clear')));
  const results = h('div', {id: 'audit-results'});
  replace(main, h('h1', {}, 'Audit log'), form, results);
  let page;
  try {
    page = await get(`/v1/audit-events${query({...values, page_size: 50, page_token: pages[pages.length - 1]})}`);
  } catch (e) {
    replace(results, problemBox(e.problem));
    return;
  }
  const link = p => `#/audit${query({...values, page: p})}`;
  replace(results,
    page.items.length ? h('table', {class: 'list', id: 'audit'},
      h('caption', {class: 'visually-hidden'}, 'Audit entries'),
      h('thead', {}, h('tr', {}, ['When', 'Action', 'Resource', 'Team', 'Actor', 'Change'].map(c => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, page.items.map(e => h('tr', {},
        h('th', {scope: 'row'}, when(e.occurred_at)),
        h('td', {'data-label': 'Action'}, e.action),
        h('td', {'data-label': 'Resource'}, `${e.resource_type} `, h('code', {class: 'wrap'}, e.resource_id)),
        h('td', {'data-label': 'Team'}, e.team || '—'),
        h('td', {'data-label': 'Actor'}, e.actor.key_id ? h('code', {class: 'wrap'}, e.actor.key_id) : e.actor.type || '—'),
        h('td', {'data-label': 'Change'}, h('details', {}, h('summary', {}, 'Before and after'),
          h('pre', {class: 'wrap'}, JSON.stringify({before: e.before, after: e.after}, null, 2)))))))) : notice('No entries match.'),
    h('nav', {class: 'paging', 'aria-label': 'Pages'},
      pages.length ? h('a', {class: 'button', href: link(pages.slice(0, -1))}, 'Newer') : null,
      page.next_page_token ? h('a', {class: 'button', href: link([...pages, page.next_page_token]), id: 'older'}, 'Older') : null));
}
