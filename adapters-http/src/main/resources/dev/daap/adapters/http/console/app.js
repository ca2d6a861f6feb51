// The console's shell: sign-in, navigation and hash routes (#/databases, #/databases/{id}, #/clusters, #/teams,
// #/teams/{slug}, #/api-keys, #/audit, #/costs). Each page renders into <main> and answers a function that stops what it
// started (an event stream), run when the person leaves the page.
import {call, signIn, signOut, signedOut, token} from './api.js';
import {h, replace, problemBox, notice, field} from './dom.js';
import {databasesPage, createDatabasePage} from './databases.js';
import {databasePage} from './database.js';
import {clustersPage, plansPage, teamsPage, teamPage, platformKeysPage, auditPage} from './admin.js';
import {costsPage} from './costs.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let me = null;
let leave = () => {};
let signedOutBecause = null;

const ROUTES = [
  {pattern: /^\/databases$/, page: databasesPage},
  {pattern: /^\/databases\/new$/, page: createDatabasePage},
  {pattern: /^\/databases\/([0-9a-f-]+)$/, page: databasePage},
  {pattern: /^\/plans$/, page: plansPage},
  {pattern: /^\/clusters$/, page: clustersPage, roles: ['platform_admin']},
  {pattern: /^\/teams$/, page: teamsPage, roles: ['platform_admin']},
  {pattern: /^\/teams\/([a-z0-9-]+)$/, page: teamPage, roles: ['platform_admin', 'admin']},
  {pattern: /^\/api-keys$/, page: platformKeysPage, roles: ['platform_admin']},
  {pattern: /^\/audit$/, page: auditPage, roles: ['platform_admin', 'admin']},
  {pattern: /^\/costs$/, page: costsPage},
];

function location() {
  const hash = window.location.hash.replace(/^#/, '') || '/databases';
  const [path, search = ''] = hash.split('?');
  return {path, query: new URLSearchParams(search)};
}

export function navigate(path) {
  if (window.location.hash === `#${path}`) route();
  else window.location.hash = path;
}

function showNav() {
  const links = [['#/databases', 'Databases'], ['#/plans', 'Plans'], ['#/costs', 'Costs']];
  if (me.role === 'platform_admin') {
    links.push(['#/clusters', 'Clusters'], ['#/teams', 'Teams'], ['#/api-keys', 'Platform keys']);
  }
  if (me.role === 'admin') links.push([`#/teams/${me.team}`, 'API keys']);
  if (me.role === 'platform_admin' || me.role === 'admin') links.push(['#/audit', 'Audit log']);
  const current = `#${location().path}`;
  replace(nav, h('ul', {}, links.map(([href, text]) => h('li', {},
    h('a', {href, 'aria-current': current === href || current.startsWith(`${href}/`) ? 'page' : null}, text)))));
  replace(who,
    h('span', {class: 'muted', id: 'signed-in-as'}, me.team ? `${me.team} · ${me.role}` : 'platform admin'),
    h('button', {type: 'button', class: 'link', id: 'sign-out', onclick: () => end(null)}, 'Sign out'));
}

function end(reason) {
  signOut();
  me = null;
  signedOutBecause = reason;
  leave();
  leave = () => {};
  if (window.location.hash === '#/sign-in') route();
  else window.location.hash = '/sign-in';
}

// A refused key ends the session, except while signing in, where the form shows why the key was refused.
let signingIn = false;
signedOut.addEventListener('signed-out', event => {
  if (!signingIn) end(event.detail);
});

function signInPage() {
  replace(nav);
  replace(who);
  const input = h('input', {id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', required: true,
    spellcheck: 'false'});
  const status = h('div', {id: 'sign-in-status', 'aria-live': 'polite'});
  if (signedOutBecause) {
    replace(status, notice('You were signed out: DAAP no longer accepts the key.'), problemBox(signedOutBecause));
    signedOutBecause = null;
  }
  const form = h('form', {class: 'card narrow', id: 'sign-in-form', novalidate: true, onsubmit: async event => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) {
      replace(status, problemBox({title: 'An API key is needed', detail: 'Paste the key DAAP gave you, daap_….'}));
      input.focus();
      return;
    }
    signIn(value);
    signingIn = true;
    try {
      me = (await call('GET', '/v1/me')).body;
      navigate('/databases');
    } catch (e) {
      signOut();
      me = null;
      replace(status, problemBox(e.problem));
      input.focus();
    } finally {
      signingIn = false;
    }
  }},
  h('h1', {tabindex: '-1'}, 'Sign in to DAAP'),
  h('p', {}, 'With an API key: a team\'s key shows its databases, a platform admin\'s the whole fleet. The key is kept in this tab only, until you sign out or close it.'),
  field('API key', input),
  h('button', {type: 'submit', class: 'primary'}, 'Sign in'),
  status);
  replace(main, form);
  form.querySelector('h1').focus();
}

async function route() {
  leave();
  leave = () => {};
  const {path, query} = location();
  if (!token()) {
    if (path !== '/sign-in') {
      window.location.hash = '/sign-in';
      return;
    }
    signInPage();
    return;
  }
  // Asked again on every page: a key revoked or expired meanwhile returns to sign-in at the next step, even on a
  // page that itself calls nothing (the 401 ends the session through signedOut).
  try {
    me = (await call('GET', '/v1/me')).body;
  } catch (e) {
    if (e.problem.status !== 401) replace(main, problemBox(e.problem));
    return;
  }
  if (path === '/sign-in') {
    navigate('/databases');
    return;
  }
  showNav();
  const match = ROUTES.map(r => ({r, m: r.pattern.exec(path)})).find(x => x.m);
  if (!match) {
    replace(main, h('h1', {tabindex: '-1'}, 'Not found'), problemBox({title: 'No such page', detail: `The console has no page ${path}.`}));
    return;
  }
  if (match.r.roles && !match.r.roles.includes(me.role)) {
    replace(main, h('h1', {tabindex: '-1'}, 'Not allowed'), problemBox({title: 'Forbidden', detail: `Your key's role (${me.role}) cannot see this page.`}));
    return;
  }
  replace(main, h('p', {class: 'muted', role: 'status'}, 'Loading…'));
  const context = {me, query, params: match.m.slice(1), navigate, path};
  try {
    leave = (await match.r.page(main, context)) || (() => {});
  } catch (e) {
    replace(main, h('h1', {tabindex: '-1'}, 'This page could not be shown'), problemBox(e.problem || {title: 'Error', detail: e.message}));
  }
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    document.title = `${heading.textContent} · DAAP console`;
  }
}

window.addEventListener('hashchange', route);
route();
