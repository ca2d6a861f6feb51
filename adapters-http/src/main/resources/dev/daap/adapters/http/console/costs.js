// Cost reports: a platform admin's view of every team's spend in a month, and a team's view of its databases, each
// with a bar chart (inline SVG, no library) and the CSV download that finance asks for.
import {get, query, download} from './api.js';
import {h, replace, problemBox, field} from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

/** Horizontal bars, one a row, longest first; the amounts are exact decimals, drawn at a float's precision. */
export function barChart(id, title, bars, currency) {
  const sorted = [...bars].sort((a, b) => Number(b.amount) - Number(a.amount)).slice(0, 20);
  const max = Math.max(...sorted.map(b => Number(b.amount)), 0);
  const row = 28;
  const width = 600;
  const labelWidth = 160;
  const chart = svg('svg', {id, role: 'img', viewBox: `0 0 ${width} ${Math.max(sorted.length, 1) * row}`,
    width: '100%', 'aria-labelledby': `${id}-title`, class: 'chart'});
  chart.append(svg('title', {id: `${id}-title`}, title));
  sorted.forEach((bar, i) => {
    const length = max > 0 ? Math.round((Number(bar.amount) / max) * (width - labelWidth - 110)) : 0;
    const y = i * row;
    chart.append(
      svg('text', {x: 0, y: y + 18, class: 'chart-label'}, bar.label),
      svg('rect', {x: labelWidth, y: y + 6, width: Math.max(length, 1), height: row - 12, class: 'chart-bar'}),
      svg('text', {x: labelWidth + length + 6, y: y + 18, class: 'chart-value'}, `${bar.amount} ${currency}`));
  });
  return chart;
}

function monthNow() {
  return new Date().toISOString().slice(0, 7);
}

export async function costsPage(main, {me, query: q, navigate}) {
  const month = q.get('month') || monthNow();
  const team = me.role === 'platform_admin' ? q.get('team') : me.team;
  const monthInput = h('input', {id: 'cost-month', name: 'month', type: 'month', value: month, max: monthNow()});
  const picker = h('form', {class: 'filters', id: 'cost-form', 'aria-label': 'Month', onsubmit: event => {
    event.preventDefault();
    navigate(`/costs${query({month: monthInput.value, team: me.role === 'platform_admin' ? team : null})}`);
  }}, field('Month', monthInput), h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, 'Show')));
  const out = h('div', {'aria-live': 'polite', id: 'cost-status'});
  const csv = (path, filename) => h('button', {type: 'button', id: 'cost-csv', onclick: async () => {
    try {
      await download(path, 'text/csv', filename);
      replace(out);
    } catch (e) {
      replace(out, problemBox(e.problem));
    }
  }}, 'Download CSV');

  if (!team) {
    const path = `/v1/costs${query({month})}`;
    const report = await get(path);
    replace(main, h('h1', {}, `Costs in ${report.month}`), picker,
      h('p', {id: 'cost-total'}, `Every team: ${report.total} ${report.currency}`, report.complete ? '' : ' so far this month'),
      barChart('cost-chart', `What each team's databases cost in ${report.month}`,
        report.teams.map(t => ({label: t.team, amount: t.amount})), report.currency),
      h('table', {class: 'list', id: 'cost-teams'},
        h('caption', {class: 'visually-hidden'}, 'Costs by team'),
        h('thead', {}, h('tr', {}, ['Team', 'Databases', 'Amount'].map(c => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, report.teams.map(t => h('tr', {'data-team': t.team},
          h('th', {scope: 'row'}, h('a', {href: `#/costs${query({month: report.month, team: t.team})}`}, t.team)),
          h('td', {'data-label': 'Databases'}, t.databases),
          h('td', {'data-label': 'Amount'}, `${t.amount} ${report.currency}`))))),
      h('div', {class: 'actions'}, csv(path, `daap-costs-${report.month}.csv`)), out);
    return;
  }
  const path = `/v1/teams/${encodeURIComponent(team)}/costs${query({month})}`;
  const report = await get(path);
  const byDatabase = new Map();
  for (const line of report.lines) {
    const sum = (byDatabase.get(line.name) || 0) + Number(line.amount);
    byDatabase.set(line.name, sum);
  }
  replace(main, h('h1', {}, `Costs of ${report.team} in ${report.month}`), picker,
    me.role === 'platform_admin' ? h('p', {}, h('a', {href: `#/costs${query({month: report.month})}`}, 'Every team')) : null,
    h('p', {id: 'cost-total'}, `Total: ${report.total} ${report.currency}`, report.complete ? '' : ' so far this month'),
    barChart('cost-chart', `What each database of ${report.team} cost in ${report.month}`,
      [...byDatabase].map(([name, amount]) => ({label: name, amount: amount.toFixed(2)})), report.currency),
    h('table', {class: 'list', id: 'cost-lines'},
      h('caption', {class: 'visually-hidden'}, 'Costs by database and plan'),
      h('thead', {}, h('tr', {}, ['Database', 'Plan', 'Hours', 'GB-days above included', 'Amount'].map(c => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, report.lines.map(line => h('tr', {'data-database': line.database_id},
        h('th', {scope: 'row'}, h('a', {href: `#/databases/${line.database_id}`}, line.name)),
        h('td', {'data-label': 'Plan'}, line.plan, line.plan_priced ? '' : ' (no longer in the catalog)'),
        h('td', {'data-label': 'Hours'}, line.hours),
        h('td', {'data-label': 'GB-days above included'}, line.storage_gb_days_over_included),
        h('td', {'data-label': 'Amount'}, `${line.amount} ${report.currency}`))))),
    report.lines.length ? null : h('p', {class: 'muted'}, 'No database of this team was live in this month.'),
    h('div', {class: 'actions'}, csv(path, `daap-costs-${report.team}-${report.month}.csv`)), out);
}
