// The databases list (search, filters, sort, keyset paging; statuses follow the live event stream) and the create
// form (each field's error from the problem's `errors`, next to the field).
import {call, get, query, followEvents} from './api.js';
import {h, replace, problemBox, field, showFieldErrors, statusBadge, labelsText, when, notice} from './dom.js';

const STATUSES = ['pending', 'provisioning', 'ready', 'failed', 'deleting', 'deleted', 'restoring', 'purging', 'purged', 'moving'];
const SORTS = [['-created_at', 'Newest first'], ['created_at', 'Oldest first'], ['name', 'Name A–Z'], ['-name', 'Name Z–A'], ['relevance', 'Relevance (with a search)']];

/** The list's state lives in the hash (#/databases?q=…), so Back, reload and a shared link show the same list. */
function listPath(values) {
  return `/databases${query(values)}`;
}

export async function databasesPage(main, {me, query: q, navigate}) {
  const filters = {
    q: q.get('q') || '',
    search: q.get('search') || '',
    owner_team: q.get('owner_team') || '',
    status: q.get('status') || '',
    cluster: q.get('cluster') || '',
    label: q.getAll('label'),
    include_deleted: q.get('include_deleted') === 'true',
    sort: q.get('sort') || '',
  };
  const pages = q.getAll('page'); // the tokens of the pages before this one, then this one's
  const pageToken = pages.length ? pages[pages.length - 1] : '';

  const input = (name, label, attributes = {}) => field(label, h('input', {id: `f-${name}`, name, value: filters[name], ...attributes}));
  const statusSelect = h('select', {id: 'f-status', name: 'status'},
    h('option', {value: ''}, 'Any'), STATUSES.map(s => h('option', {value: s, selected: filters.status === s}, s)));
  const sortSelect = h('select', {id: 'f-sort', name: 'sort'},
    h('option', {value: ''}, 'Default'), SORTS.map(([v, t]) => h('option', {value: v, selected: filters.sort === v}, t)));
  const labels = h('input', {id: 'f-label', name: 'label', value: filters.label.join(', '), placeholder: 'env:prod, tier'});
  const deleted = h('input', {id: 'f-include_deleted', name: 'include_deleted', type: 'checkbox', checked: filters.include_deleted});
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': 'Find databases', onsubmit: event => {
    event.preventDefault();
    const data = new FormData(form);
    navigate(listPath({
      q: data.get('q'),
      search: data.get('search'),
      owner_team: data.get('owner_team'),
      status: data.get('status'),
      cluster: data.get('cluster'),
      label: String(data.get('label') || '').split(',').map(s => s.trim()).filter(Boolean),
      include_deleted: deleted.checked,
      sort: data.get('sort'),
    }));
  }},
  input('q', 'Name or purpose contains', {type: 'search'}),
  input('search', 'Full-text search', {type: 'search', placeholder: 'refunds -archive'}),
  me.role === 'platform_admin' ? input('owner_team', 'Team') : null,
  field('Status', statusSelect),
  input('cluster', 'Cluster', {placeholder: 'default'}),
  field('Labels', labels),
  field('Sort', sortSelect),
  h('div', {class: 'field checkbox'}, deleted, h('label', {for: 'f-include_deleted'}, 'Include deleted')),
  h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, 'Apply'),
    h('a', {href: '#/databases', class: 'button'}, 'Clear')));

  const live = h('span', {id: 'live-state', class: 'muted small', 'aria-live': 'polite'}, 'Connecting to live updates…');
  const heading = h('div', {class: 'heading'}, h('h1', {}, 'Databases'),
    me.role !== 'viewer' ? h('a', {href: '#/databases/new', class: 'button primary', id: 'new-database'}, 'New database') : null);
  const results = h('div', {id: 'results'});
  const fresh = h('p', {id: 'new-rows', class: 'small', 'aria-live': 'polite'});
  replace(main, heading, form, live, fresh, results);

  const parameters = {...filters, page_token: pageToken, page_size: 20};
  let page;
  try {
    page = await get(`/v1/databases${query(parameters)}`);
  } catch (e) {
    replace(results, problemBox(e.problem));
    return () => {};
  }
  const rows = new Map();
  const table = h('table', {class: 'list', id: 'databases'},
    h('caption', {class: 'visually-hidden'}, 'Databases'),
    h('thead', {}, h('tr', {}, ['Name', 'Team', 'Status', 'Cluster', 'Labels', 'Created'].map(c => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, page.items.map(db => {
      const status = h('td', {class: 'status-cell'}, statusBadge(db.status));
      rows.set(db.id, status);
      return h('tr', {'data-id': db.id, 'data-name': db.name},
        h('th', {scope: 'row'}, h('a', {href: `#/databases/${db.id}`}, db.name)),
        h('td', {'data-label': 'Team'}, db.owner_team),
        status,
        h('td', {'data-label': 'Cluster'}, db.cluster || '—'),
        h('td', {'data-label': 'Labels'}, labelsText(db.labels)),
        h('td', {'data-label': 'Created'}, when(db.created_at)));
    })));
  const paging = h('nav', {class: 'paging', 'aria-label': 'Pages'},
    pages.length ? h('a', {class: 'button', href: `#${listPath({...filters, page: pages.slice(0, -1)})}`, id: 'previous-page'}, 'Previous page') : null,
    page.next_page_token ? h('a', {class: 'button', href: `#${listPath({...filters, page: [...pages, page.next_page_token]})}`, id: 'next-page'}, 'Next page') : null);
  replace(results, page.items.length ? table : notice('No databases match.'), paging);

  const stop = new AbortController();
  let created = 0;
  followEvents(event => {
    if (event.type === 'database.created' && !rows.has(event.resource_id)) {
      // A new row would move every row below it; say so and let the person choose when.
      created++;
      replace(fresh, h('span', {}, `${created} new database${created === 1 ? '' : 's'} since this list was read. `),
        h('button', {type: 'button', class: 'link', id: 'show-new', onclick: () => navigate(listPath({...filters, page: pages}))}, 'Show'));
      return;
    }
    const cell = rows.get(event.resource_id);
    if (!cell) return;
    const to = event.data && (event.data.to || event.data.status);
    if (event.type === 'database.status_changed' && to) replace(cell, statusBadge(to));
  }, stop.signal, state => {
    live.textContent = state === 'live' ? 'Statuses update live' : 'Live updates interrupted; reconnecting…';
  });
  return () => stop.abort();
}

/** The quote of a dry run: what the new database would add to the team's spend this month. */
function quoteBox(quote) {
  const money = value => (value === null || value === undefined ? '—' : `${value} ${quote.currency}`);
  const row = (term, value) => [h('dt', {}, term), h('dd', {}, value)];
  return h('div', {class: 'notice', id: 'quote'},
    h('strong', {}, 'What it would cost'),
    h('dl', {class: 'facts'},
      row('A whole month', money(quote.monthly_price)),
      row('Until the month ends', money(quote.this_request)),
      row('Team this month, with it', money(quote.projected_with)),
      row('Budget', money(quote.budget)),
      row('Budget left', money(quote.budget_left))));
}

export async function createDatabasePage(main, {me, navigate}) {
  const plans = (await get('/v1/plans')).items;
  const control = (name, attributes = {}) => h('input', {id: `c-${name}`, name, ...attributes});
  const plan = h('select', {id: 'c-plan', name: 'plan'}, plans.map(p => h('option', {value: p.name, selected: p.default},
    `${p.name} — ${p.price_per_month} ${p.currency} a month, ${p.max_connections} connections`)));
  const quote = h('div', {id: 'quote-area', 'aria-live': 'polite'});
  const purpose = h('textarea', {id: 'c-purpose', name: 'purpose', rows: 3, maxlength: 1000});
  const labels = h('textarea', {id: 'c-labels', name: 'labels', rows: 3, placeholder: 'env=prod'});
  const protection = h('input', {id: 'c-deletion_protection', name: 'deletion_protection', type: 'checkbox'});
  const summary = h('div', {id: 'create-problem', 'aria-live': 'polite'});
  function request() {
    const data = new FormData(form);
    const body = {name: data.get('name'), purpose: data.get('purpose'), plan: data.get('plan')};
    if (data.get('owner_team')) body.owner_team = data.get('owner_team');
    if (protection.checked) body.deletion_protection = true;
    const labelLines = String(data.get('labels') || '').split('\n').map(l => l.trim()).filter(Boolean);
    if (labelLines.length) {
      body.labels = {};
      for (const line of labelLines) {
        const at = line.indexOf('=');
        body.labels[at < 0 ? line : line.slice(0, at).trim()] = at < 0 ? '' : line.slice(at + 1).trim();
      }
    }
    return body;
  }
  function refused(e) {
    const unplaced = showFieldErrors(form, e.problem);
    replace(summary, problemBox({...e.problem, errors: unplaced}));
    const first = form.querySelector('[aria-invalid=true]');
    if (first) first.focus();
  }
  const form = h('form', {class: 'card', id: 'create-form', novalidate: true, onsubmit: async event => {
    event.preventDefault();
    const body = request();
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      const created = (await call('POST', '/v1/databases', {body})).body;
      navigate(`/databases/${created.id}`);
    } catch (e) {
      refused(e);
    } finally {
      submit.disabled = false;
    }
  }},
  field('Name', control('name', {autocomplete: 'off', spellcheck: 'false'}), '3–63 lowercase letters, digits and hyphens, starting with a letter'),
  field('Purpose', purpose, 'What it is for, in a sentence'),
  me.role === 'platform_admin' ? field('Owner team', control('owner_team', {autocomplete: 'off'}), 'The team that owns it') : null,
  field('Labels', labels, 'One key=value a line'),
  field('Plan', plan, 'Its connection limit, storage and price'),
  h('div', {class: 'field checkbox'}, protection, h('label', {for: 'c-deletion_protection'}, 'Deletion protection')),
  h('div', {class: 'actions'},
    h('button', {type: 'button', id: 'get-quote', onclick: async () => {
      // A dry run makes every check the create would, stores nothing, and answers the quote.
      try {
        const answer = (await call('POST', '/v1/databases?dry_run=true', {body: request()})).body;
        showFieldErrors(form, {errors: []});
        replace(summary);
        replace(quote, quoteBox(answer));
      } catch (e) {
        replace(quote);
        refused(e);
      }
    }}, 'What would it cost?'),
    h('button', {type: 'submit', class: 'primary', id: 'create-database'}, 'Create database'),
    h('a', {href: '#/databases', class: 'button'}, 'Cancel')),
  quote,
  summary);
  replace(main, h('h1', {}, 'New database'), form);
  return () => {};
}
