// One database: its settings, status (live), operations timeline, connection details, credentials on demand,
// rotation, users, snapshots, backups, revisions; delete with its name typed to confirm, and restore.
import {call, get, followEvents} from './api.js';
import {h, replace, problemBox, field, showFieldErrors, statusBadge, labelsText, when, bytes, copy, notice} from './dom.js';

const GONE = ['deleted', 'purging', 'purged'];

export async function databasePage(main, {me, params, navigate}) {
  const id = params[0];
  const base = `/v1/databases/${id}`;
  const first = await call('GET', base);
  let db = first.body;
  const canChange = me.role !== 'viewer';
  const status = h('span', {id: 'db-status'}, statusBadge(db.status));
  const facts = h('dl', {class: 'facts', id: 'db-facts'});
  const actions = h('div', {class: 'actions', id: 'db-actions'});
  const actionStatus = h('div', {id: 'action-status', 'aria-live': 'polite'});
  const credentials = h('section', {class: 'card', id: 'credentials', 'aria-labelledby': 'credentials-h'});
  const sections = {
    operations: h('section', {class: 'card', id: 'operations', 'aria-labelledby': 'operations-h'}),
    users: h('section', {class: 'card', id: 'users', 'aria-labelledby': 'users-h'}),
    snapshots: h('section', {class: 'card', id: 'snapshots', 'aria-labelledby': 'snapshots-h'}),
    backups: h('section', {class: 'card', id: 'backups', 'aria-labelledby': 'backups-h'}),
    revisions: h('section', {class: 'card', id: 'revisions', 'aria-labelledby': 'revisions-h'}),
    usage: h('section', {class: 'card', id: 'usage', 'aria-labelledby': 'usage-h'}),
  };
  const settings = h('section', {class: 'card', id: 'settings', 'aria-labelledby': 'settings-h'});
  const danger = h('section', {class: 'card danger', id: 'danger', 'aria-labelledby': 'danger-h'});
  const userSecret = h('div', {id: 'user-secret', 'aria-live': 'polite'});

  replace(main,
    h('p', {}, h('a', {href: '#/databases'}, '← Databases')),
    h('div', {class: 'heading'}, h('h1', {}, db.name), status),
    facts, actions, actionStatus, credentials, settings,
    sections.operations, sections.usage, sections.users, userSecret, sections.snapshots, sections.backups,
    sections.revisions, danger);

  async function act(label, work) {
    replace(actionStatus, notice(`${label}…`));
    try {
      await work();
      replace(actionStatus, notice(`${label}: done`));
    } catch (e) {
      replace(actionStatus, problemBox(e.problem || {title: label, detail: e.message}));
    }
  }

  function showFacts() {
    replace(status, statusBadge(db.status));
    const row = (term, value) => [h('dt', {}, term), h('dd', {}, value)];
    replace(facts,
      row('Purpose', db.purpose),
      row('Team', db.owner_team),
      row('Cluster', db.cluster || '—'),
      db.plan ? row('Plan', db.plan) : null,
      row('Labels', labelsText(db.labels)),
      row('Created', when(db.created_at)),
      row('Storage', bytes(db.storage_bytes)),
      row('Deletion protection', db.deletion_protection ? 'on' : 'off'),
      row('Scheduled backups', db.backup_policy ? `${db.backup_policy.schedule}, the newest ${db.backup_policy.retain} kept` : 'none'),
      db.quota_state === 'over_storage' ? row('Quota', 'over its plan\'s storage limit: read-only until it is back under') : null,
      db.connection ? row('Connection', `${db.connection.host}:${db.connection.port}/${db.connection.database} as ${db.connection.username}`) : null,
      db.failure_reason ? row('Failure', db.failure_reason) : null,
      db.restorable_until ? row('Restorable until', when(db.restorable_until)) : null);
    replace(actions,
      canChange && db.status === 'failed' ? h('button', {type: 'button', id: 'retry', onclick: () => act('Retry', async () => {
        db = (await call('POST', `${base}/retry`)).body;
        showFacts();
      })}, 'Retry') : null,
      canChange && db.status === 'deleted' ? h('button', {type: 'button', class: 'primary', id: 'restore', onclick: () => act('Restore', async () => {
        db = (await call('POST', `${base}/restore`)).body;
        showFacts();
      })}, 'Restore') : null);
    showDanger();
  }

  function showCredentials(shown) {
    const heading = h('h2', {id: 'credentials-h'}, 'Credentials');
    if (!shown) {
      replace(credentials, heading,
        h('p', {class: 'muted'}, 'Shown on demand; each reveal is written to the audit log.'),
        h('div', {class: 'actions'},
          h('button', {type: 'button', id: 'reveal', disabled: db.status !== 'ready', onclick: () => reveal('GET', '/credentials')}, 'Reveal credentials'),
          canChange ? h('button', {type: 'button', id: 'rotate', disabled: db.status !== 'ready', onclick: () => reveal('POST', '/credentials/rotate')}, 'Rotate password') : null));
      return;
    }
    const copied = h('span', {class: 'muted small', 'aria-live': 'polite', id: 'copy-status'});
    const row = (term, value) => [h('dt', {}, term), h('dd', {}, h('code', {id: `cred-${term.toLowerCase().replace(' ', '-')}`}, String(value ?? '—')))];
    replace(credentials, heading,
      shown.rotated ? notice('The password was rotated: the old one no longer works.') : null,
      h('dl', {class: 'facts', id: 'credential-values'},
        row('Host', shown.host), row('Port', shown.port), row('Database', shown.database),
        row('Username', shown.username), row('Password', shown.password), row('SSL mode', shown.sslmode || '—')),
      h('p', {}, h('code', {id: 'cred-uri', class: 'wrap'}, shown.uri)),
      h('div', {class: 'actions'},
        h('button', {type: 'button', id: 'copy-uri', onclick: () => copy(shown.uri, copied)}, 'Copy connection URI'),
        h('button', {type: 'button', id: 'hide-credentials', onclick: () => showCredentials(null)}, 'Hide'),
        canChange ? h('button', {type: 'button', id: 'rotate', onclick: () => reveal('POST', '/credentials/rotate')}, 'Rotate password') : null,
        copied));
  }

  async function reveal(method, path) {
    try {
      const shown = (await call(method, `${base}${path}`)).body;
      showCredentials({...shown, rotated: method === 'POST'});
      credentials.querySelector('h2').setAttribute('tabindex', '-1');
      credentials.querySelector('h2').focus();
    } catch (e) {
      showCredentials(null);
      credentials.append(problemBox(e.problem));
    }
  }

  // Purpose, labels and deletion protection as a JSON merge patch, conditional on the version shown: a change
  // made meanwhile (412) is shown as its problem, never overwritten.
  function showSettings() {
    const heading = h('h2', {id: 'settings-h'}, 'Settings');
    if (!canChange || GONE.includes(db.status) || db.status === 'deleting') {
      replace(settings, heading, h('p', {class: 'muted'}, 'Nothing to change here.'));
      return;
    }
    const purpose = h('textarea', {id: 's-purpose', name: 'purpose', rows: 2, maxlength: 1000});
    purpose.value = db.purpose;
    const labels = h('textarea', {id: 's-labels', name: 'labels', rows: 3});
    labels.value = Object.entries(db.labels || {}).map(([k, v]) => `${k}=${v}`).join('\n');
    const protection = h('input', {id: 's-deletion_protection', name: 'deletion_protection', type: 'checkbox', checked: db.deletion_protection});
    const policy = db.backup_policy || {schedule: '', retain: 7};
    const schedule = h('select', {id: 's-backup_schedule', name: 'backup_policy.schedule'},
      [['', 'None'], ['hourly', 'Hourly'], ['daily', 'Daily'], ['weekly', 'Weekly']]
        .map(([value, text]) => h('option', {value, selected: policy.schedule === value}, text)));
    const retain = h('input', {id: 's-backup_retain', name: 'backup_policy.retain', type: 'number', min: 1, max: 1000, value: policy.retain});
    const out = h('div', {id: 'settings-status', 'aria-live': 'polite'});
    // The version these values were read at; the page's own copy moves on with every event.
    const shownVersion = db.version;
    const form = h('form', {id: 'settings-form', novalidate: true, onsubmit: async event => {
      event.preventDefault();
      const wanted = {};
      for (const line of labels.value.split('\n').map(l => l.trim()).filter(Boolean)) {
        const at = line.indexOf('=');
        wanted[at < 0 ? line : line.slice(0, at).trim()] = at < 0 ? '' : line.slice(at + 1).trim();
      }
      const labelPatch = {...wanted};
      for (const key of Object.keys(db.labels || {})) {
        if (!(key in wanted)) labelPatch[key] = null;
      }
      const body = {purpose: purpose.value, labels: labelPatch, deletion_protection: protection.checked,
        backup_policy: schedule.value ? {schedule: schedule.value, retain: Number(retain.value)} : null};
      try {
        db = (await call('PATCH', base, {body, contentType: 'application/merge-patch+json', ifMatch: shownVersion})).body;
        showFacts();
        showSettings();
        replace(document.getElementById('settings-status'), notice('Saved'));
        loadRevisions();
      } catch (e) {
        const unplaced = showFieldErrors(form, e.problem);
        replace(out, problemBox({...e.problem, errors: unplaced}),
          e.problem.status === 412 ? h('button', {type: 'button', id: 'reload-settings', onclick: async () => {
            db = (await call('GET', base)).body;
            showFacts();
            showSettings();
          }}, 'Load the current settings') : null);
      }
    }}, field('Purpose', purpose), field('Labels', labels, 'One key=value a line'),
    h('div', {class: 'field checkbox'}, protection, h('label', {for: 's-deletion_protection'}, 'Deletion protection')),
    field('Scheduled backups', schedule), field('Backups kept', retain, 'How many scheduled backups stay (1–1000)'),
    h('button', {type: 'submit'}, 'Save settings'), out);
    replace(settings, heading, form);
  }

  function showDanger() {
    if (!canChange || GONE.includes(db.status) || db.status === 'deleting') {
      replace(danger, h('h2', {id: 'danger-h'}, 'Delete'), h('p', {class: 'muted'},
        db.status === 'deleted' ? 'Deleted: restore it above until the window ends.' : 'Nothing to delete here.'));
      return;
    }
    const confirm = h('input', {id: 'confirm-name', name: 'confirm', autocomplete: 'off', spellcheck: 'false'});
    const button = h('button', {type: 'submit', class: 'destructive', id: 'delete', disabled: true}, 'Delete database');
    confirm.addEventListener('input', () => {
      button.disabled = confirm.value !== db.name;
    });
    replace(danger, h('h2', {id: 'danger-h'}, 'Delete'),
      h('p', {}, 'Deleting closes it to logins and keeps its data, restorable for a while. Type its name to confirm.'),
      h('form', {id: 'delete-form', onsubmit: event => {
        event.preventDefault();
        if (confirm.value !== db.name) return;
        act('Delete', async () => {
          db = (await call('DELETE', base, {ifMatch: db.version})).body;
          showFacts();
        });
      }}, field(`Type “${db.name}” to delete it`, confirm), button));
  }

  function list(section, title, items, render, empty, extra) {
    replace(section, h('h2', {id: `${section.id}-h`}, title), extra || null,
      items.length ? h('ul', {class: 'timeline'}, items.map(render)) : h('p', {class: 'muted'}, empty));
  }

  async function load(section, title, path, render, empty, extra) {
    try {
      const page = await get(`${base}${path}`);
      list(section, title, page.items, render, empty, extra && extra());
    } catch (e) {
      replace(section, h('h2', {id: `${section.id}-h`}, title), problemBox(e.problem));
    }
  }

  const loadOperations = () => load(sections.operations, 'Operations', '/operations', op => h('li', {},
    h('strong', {}, op.kind), ' ', statusBadge(op.state), ' ', h('span', {class: 'muted'}, when(op.created_at)),
    op.duration_ms !== null ? h('span', {class: 'muted'}, ` · ${op.duration_ms} ms`) : null,
    op.last_error ? h('p', {class: 'error-text'}, op.last_error) : null), 'No operations yet.');

  // Built once: a list reloaded by an event keeps what the person was typing. A new secret goes in a place of its
  // own, outside the list, so that a reload does not take it away before it was copied.
  const showUserSecret = (text, uri) => replace(userSecret, h('div', {class: 'secret'},
    h('p', {}, text), h('code', {class: 'wrap'}, uri)));
  const userForm = (() => {
    if (!canChange) return null;
    const name = h('input', {id: 'u-name', name: 'name', autocomplete: 'off'});
    const access = h('select', {id: 'u-access', name: 'access'}, ['read_only', 'read_write', 'owner'].map(a => h('option', {value: a}, a)));
    return h('form', {class: 'inline', id: 'user-form', onsubmit: async event => {
      event.preventDefault();
      try {
        const created = (await call('POST', `${base}/users`, {body: {name: name.value, access: access.value}})).body;
        showUserSecret(`Credentials of ${created.user.name}, shown this once:`, created.credentials.current.uri);
        name.value = '';
        await loadUsers();
      } catch (e) {
        replace(userSecret, problemBox(e.problem));
      }
    }}, field('User name', name), field('Access', access), h('button', {type: 'submit'}, 'Add user'));
  })();
  const newUser = () => userForm;
  const userPath = u => `${base}/users/${encodeURIComponent(u.name)}`;
  const userActions = u => (!canChange || u.status !== 'ready' ? null : h('span', {class: 'row-actions'},
    h('button', {type: 'button', 'aria-label': `Rotate the password of ${u.name}`, onclick: () => act(`Rotate ${u.name}`, async () => {
      const rotated = (await call('POST', `${userPath(u)}/credentials/rotate`)).body;
      showUserSecret(`New credentials of ${u.name}, shown this once:`, rotated.current.uri);
      await loadUsers();
    })}, 'Rotate'),
    u.access === 'owner' && u.name === 'owner' ? null : h('button', {type: 'button', class: 'destructive', 'aria-label': `Remove user ${u.name}`,
      onclick: () => act(`Remove ${u.name}`, async () => {
        await call('DELETE', userPath(u));
        await loadUsers();
      })}, 'Remove')));
  const loadUsers = () => load(sections.users, 'Users', '/users', u => h('li', {'data-user': u.name},
    h('strong', {}, u.name), ` ${u.access} `, statusBadge(u.status), h('span', {class: 'muted wrap'}, ` ${u.username}`),
    u.previous_username ? h('div', {class: 'muted small'}, `${u.previous_username} works until ${when(u.previous_valid_until)}`) : null,
    userActions(u)), 'No users.', newUser);

  const takeButton = (label, path, reload, id, body) => () => canChange
    ? h('button', {type: 'button', id, onclick: () => act(label, async () => {
      await call('POST', `${base}${path}`, {body});
      await reload();
    })}, label)
    : null;
  const loadSnapshots = () => load(sections.snapshots, 'Snapshots', '/snapshots', s => h('li', {},
    statusBadge(s.status), ' ', when(s.created_at), ' ', s.description || '', ' ', h('span', {class: 'muted'}, bytes(s.size_bytes))),
  'No snapshots.', takeButton('Take snapshot', '/snapshots', () => loadSnapshots(), 'take-snapshot', {}));
  const loadBackups = () => load(sections.backups, 'Backups', '/backups', b => h('li', {},
    statusBadge(b.status), ' ', when(b.started_at), ' ', h('span', {class: 'muted'}, bytes(b.size_bytes)),
    b.failure_reason ? h('p', {class: 'error-text'}, b.failure_reason) : null),
  'No backups.', takeButton('Take backup', '/backups', () => loadBackups(), 'take-backup'));
  const loadRevisions = () => load(sections.revisions, 'Revisions', '/revisions', r => h('li', {},
    h('strong', {}, `Version ${r.version}`), ' ', h('span', {class: 'muted'}, when(r.changed_at)),
    h('ul', {}, r.changes.map(c => h('li', {}, `${c.field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`)))), 'No revisions.');

  // The last day's storage by hour, from the fleet's probe (GET …/usage): a line of the largest sample each hour.
  async function loadUsage() {
    const heading = h('h2', {id: 'usage-h'}, 'Usage');
    try {
      const usage = await get(`${base}/usage`);
      if (!usage.points.length) {
        replace(sections.usage, heading, h('p', {class: 'muted'}, 'Not measured in the last day yet.'));
        return;
      }
      const values = usage.points.map(p => p.storage_bytes.max);
      const top = Math.max(...values, 1);
      const width = 480;
      const height = 80;
      const step = values.length > 1 ? width / (values.length - 1) : 0;
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
      line.setAttribute('points', values.map((v, i) => `${Math.round(i * step)},${Math.round(height - (v / top) * (height - 4))}`).join(' '));
      line.setAttribute('class', 'chart-line');
      const chart = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
      chart.setAttribute('class', 'chart');
      chart.setAttribute('role', 'img');
      chart.setAttribute('id', 'usage-chart');
      const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = `Storage by hour over the last day, at most ${bytes(top)}`;
      chart.append(title, line);
      const latest = usage.points[usage.points.length - 1];
      replace(sections.usage, heading, chart,
        h('p', {id: 'usage-latest'}, `Latest hour (${when(latest.time)}): ${bytes(latest.storage_bytes.max)} at most, `
          + `${latest.connections_max} sessions at most, ${latest.samples} samples.`));
    } catch (e) {
      replace(sections.usage, heading, problemBox(e.problem));
    }
  }

  showFacts();
  showSettings();
  showCredentials(null);
  await Promise.all([loadOperations(), loadUsage(), loadUsers(), loadSnapshots(), loadBackups(), loadRevisions()]);

  // Follow this database's events: its status changes without a reload, and its timeline with them.
  const stop = new AbortController();
  followEvents(async event => {
    // A user's, a snapshot's or a backup's event names its own id and the database's in its data.
    if (event.resource_id !== id && !(event.data && event.data.database_id === id)) return;
    try {
      const before = db.status;
      db = (await call('GET', base)).body;
      showFacts();
      if (db.status !== before) showSettings();
      if (!credentials.querySelector('#credential-values')) showCredentials(null);
      loadOperations();
      if (event.type.startsWith('snapshot')) loadSnapshots();
      if (event.type.startsWith('backup')) loadBackups();
      if (event.type.startsWith('user')) loadUsers();
    } catch (e) {
      replace(actionStatus, problemBox(e.problem || {title: 'Error', detail: e.message}));
    }
  }, stop.signal);
  return () => stop.abort();
}
