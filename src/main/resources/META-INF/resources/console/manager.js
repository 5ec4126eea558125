// The manager view: routing health from GET /kpis and GET /alerts (manager role), refreshed every few seconds.
import {
  Refused, api, clock, duration, figure, h, percent, replace, startPage, table, time, windowQuery,
} from './common.js';

// Tile colours (docs/console.md). A tile is red when an active alert concerns it, whatever the figures.
const AMBER_FALLBACK_SHARE = 0.05;
const RED_FALLBACK_SHARE = 0.10;
const AMBER_ACCEPTANCE = 0.70;
const RED_ACCEPTANCE = 0.50;
// Time to assign and waiting leads are judged against the queues' SLA: amber past half of it, red past it.
const AMBER_SLA_FRACTION = 0.5;
const DEFAULT_SLA_SECONDS = 1800;
// Which tile each alert kind turns red.
const ALERT_TILES = {
  FALLBACK_SHARE: 'tile-fallback',
  ACCEPTANCE_RATE: 'tile-acceptance',
  TIME_TO_ASSIGN: 'tile-tta',
  QUEUE_SLA: 'tile-unassigned',
};

let scope = '';
const charts = {};

document.getElementById('scope').addEventListener('change', (event) => {
  scope = event.target.value;
  page.refreshNow();
});

const page = startPage('manager', async () => {
  // Alerts that cannot be read are said so on the page; the KPIs still show. A refusal stops both.
  const [kpis, alerts] = await Promise.all([api(`/kpis?${windowQuery()}`),
    api('/alerts').catch((e) => { if (e instanceof Refused) throw e; return e; })]);
  render(kpis, alerts);
});

function render(kpis, alerts) {
  scopeOptions(Object.keys(kpis.segments));
  const block = scope ? kpis.segments[scope] : kpis.overall;
  // Per-queue and per-agent acceptance may exist only overall: a segment shows its own queues from there.
  const acceptance = block.acceptance.byQueue ? block.acceptance : kpis.overall.acceptance;
  const queues = kpis.queues.filter((q) => !scope || q.segment === scope);
  const scopedAlerts = alerts instanceof Error ? [] : alerts.filter((a) => !scope || !a.segment || a.segment === scope);
  const slaMs = 1000 * (queues.length ? Math.min(...queues.map((q) => q.slaSeconds)) : DEFAULT_SLA_SECONDS);

  document.getElementById('window-label').textContent = `${time(kpis.window.from)} – ${time(kpis.window.to)}`;
  renderAlerts(alerts);
  tiles(block, slaMs, scopedAlerts);
  trendCharts(block, kpis.window);
  replace('segments-table', segmentsTable(kpis.segments));
  replace('fallback-causes', table(['Cause', 'Leads'],
    Object.entries(block.fallback.byCause).map(([cause, n]) => [causeName(cause), n])));
  replace('queues', queuesTable(queues));
  const agents = kpis.agents;
  replace('agents-summary', `${agents.online} online · ${agents.busy ?? 0} busy · ${agents.away} away · ${agents.offline} offline`);
  replace('agents', table(['Agent', 'Presence', 'Load'], agents.load.map((a) => [
    a.agent, a.presence, h('span', {}, h('meter', { min: 0, max: a.capacity, value: a.load }), ` ${a.load} / ${a.capacity}`),
  ]), 'No agents.'));
  replace('acceptance-queues', rateTable('Queue', (acceptance.byQueue || [])
    .filter((q) => !scope || queues.some((known) => known.queue === q.queue)).map((q) => ({ ...q, name: q.queue }))));
  replace('acceptance-agents', rateTable('Agent', (acceptance.byAgent || []).map((a) => ({ ...a, name: a.agent }))));
  replace('decline-reasons', table(['Reason', 'Declines'],
    Object.entries(block.acceptance.declineReasons).sort((a, b) => b[1] - a[1])));
}

// Queues with waiting leads first, the worst first; empty queues are only counted.
function queuesTable(queues) {
  const waiting = queues.filter((q) => q.depth > 0 || q.breached)
    .sort((a, b) => b.breached - a.breached || (b.oldestWaitingSeconds || 0) / b.slaSeconds - (a.oldestWaitingSeconds || 0) / a.slaSeconds);
  const empty = queues.length - waiting.length;
  return [
    table(['Queue', 'Waiting', 'Oldest', 'SLA', ''], waiting.map((q) => [
      q.queue, q.depth, seconds(q.oldestWaitingSeconds), seconds(q.slaSeconds),
      q.breached ? h('span', { class: 'badge red' }, 'past SLA') : h('span', { class: 'badge green' }, 'within SLA'),
    ]), 'No lead is waiting in any queue.'),
    empty ? h('p', { class: 'muted' }, `${empty} other queue${empty > 1 ? 's' : ''} empty.`) : null,
  ];
}

function scopeOptions(segments) {
  const select = document.getElementById('scope');
  const known = [...select.options].map((o) => o.value).filter(Boolean);
  for (const name of segments.filter((s) => !known.includes(s))) {
    select.append(h('option', { value: name }, name));
  }
}

function renderAlerts(alerts) {
  if (alerts instanceof Error) {
    replace('alerts', h('p', { class: 'error' }, `Alerts could not be read: ${alerts.message}`));
    return;
  }
  if (alerts.length === 0) {
    replace('alerts', h('p', { class: 'all-clear' }, 'No active alerts: routing is within its usual range.'));
    return;
  }
  replace('alerts', h('h2', {}, `${alerts.length} active alert${alerts.length > 1 ? 's' : ''}`),
    h('ul', {}, alerts.map((a) => h('li', { class: 'alert', 'data-kind': a.kind },
      // The message names its segment or queue already.
      h('strong', {}, a.message),
      h('span', { class: 'muted' }, ` since ${time(a.since)}`)))));
}

function tiles(block, slaMs, alerts) {
  const tta = block.timeToAssign;
  figure('tta-p50', tta.p50Ms, duration(tta.p50Ms));
  figure('tta-p90', tta.p90Ms, duration(tta.p90Ms));
  figure('tta-p99', tta.p99Ms, duration(tta.p99Ms));
  document.getElementById('tta-count').textContent = tta.count;
  colour('tile-tta', tta.p90Ms === null ? 'green' : level(tta.p90Ms, AMBER_SLA_FRACTION * slaMs, slaMs));

  const acceptance = block.acceptance;
  figure('acceptance-rate', acceptance.rate, percent(acceptance.rate));
  for (const [id, n] of [['accepted', acceptance.accepted], ['offers', acceptance.offers],
    ['declined', acceptance.declined], ['timed-out', acceptance.timedOut]]) {
    document.getElementById(`acceptance-${id}`).textContent = n;
  }
  colour('tile-acceptance', acceptance.rate === null ? 'green' : level(-acceptance.rate, -AMBER_ACCEPTANCE, -RED_ACCEPTANCE));

  const fallback = block.fallback;
  figure('fallback-count', fallback.fallback, String(fallback.fallback));
  figure('fallback-share', fallback.share, percent(fallback.share));
  document.getElementById('fallback-leads').textContent = fallback.leads;
  colour('tile-fallback', fallback.share === null ? 'green' : level(fallback.share, AMBER_FALLBACK_SHARE, RED_FALLBACK_SHARE));

  const unassigned = block.unassigned;
  figure('unassigned-count', unassigned.count, String(unassigned.count));
  figure('unassigned-oldest', unassigned.oldestAgeSeconds, seconds(unassigned.oldestAgeSeconds));
  colour('tile-unassigned', unassigned.oldestAgeSeconds === null ? 'green'
    : level(unassigned.oldestAgeSeconds * 1000, AMBER_SLA_FRACTION * slaMs, slaMs));

  for (const alert of alerts) {
    if (ALERT_TILES[alert.kind]) {
      colour(ALERT_TILES[alert.kind], 'red');
    }
  }
}

/** green below amber, amber from amber, red from red (higher is worse). */
function level(value, amber, red) {
  if (value >= red) {
    return 'red';
  }
  return value >= amber ? 'amber' : 'green';
}

function colour(tileId, health) {
  const tile = document.getElementById(tileId);
  tile.classList.remove('green', 'amber', 'red');
  tile.classList.add(health);
  tile.dataset.health = health;
}

function segmentsTable(segments) {
  return table(['Segment', 'Time to Assign p90', 'Acceptance', 'Fallback', 'Unassigned'],
    Object.entries(segments).map(([name, b]) => [
      h('a', { href: '#', onclick: (e) => { e.preventDefault(); choose(name); } }, name),
      duration(b.timeToAssign.p90Ms), percent(b.acceptance.rate),
      `${b.fallback.fallback} (${percent(b.fallback.share)})`, b.unassigned.count,
    ]));
}

function choose(name) {
  scope = name;
  document.getElementById('scope').value = name;
  page.refreshNow();
}

function rateTable(heading, rows) {
  return table([heading, 'Offers', 'Accepted', 'Declined', 'Timed out', 'Rate'],
    rows.map((r) => [r.name, r.offers, r.accepted, r.declined, r.timedOut, percent(r.rate)]), 'No offers in this window.');
}

const CAUSES = {
  NO_RULE_MATCHED: 'No rule matched',
  SEGMENT_FAILED: 'Segment rules failed',
  RULE_FAILED: 'A rule threw or ran away',
  UNKNOWN_SEGMENT: 'Unknown segment',
  INCOMPLETE_DATA: 'Incomplete data',
  ENRICHMENT_DEGRADED: 'Enrichment degraded',
};

function causeName(cause) {
  return CAUSES[cause] || cause;
}

function trendCharts(block, window) {
  // Over more than a day a bucket's time alone is ambiguous: label it with its date.
  const long = new Date(window.to) - new Date(window.from) > 86400000;
  const label = (at) => (long ? `${new Date(at).toLocaleDateString([], { day: 'numeric', month: 'short' })} ${clock(at)}` : clock(at));
  // Both charts share the window's buckets (the fallback trend has every one); time to assign has
  // points only where leads were accepted (the line joins them), so time is spaced evenly on both.
  const buckets = block.fallback.trend.map((p) => p.at);
  const tta = new Map(block.timeToAssign.trend.map((p) => [Date.parse(p.at), p]));
  const ttaAt = (at, field) => chartSeconds(tta.get(Date.parse(at))?.[field]);
  lineChart('tta-chart', buckets.map(label), [
    { label: 'p50 (s)', data: buckets.map((at) => ttaAt(at, 'p50Ms')), borderColor: '#2563eb' },
    { label: 'p90 (s)', data: buckets.map((at) => ttaAt(at, 'p90Ms')), borderColor: '#d97706' },
  ]);
  const fallback = block.fallback.trend;
  lineChart('fallback-chart', buckets.map(label), [
    { label: 'Leads', data: fallback.map((p) => p.leads), borderColor: '#64748b' },
    { label: 'Fallback-routed', data: fallback.map((p) => p.fallback), borderColor: '#dc2626' },
  ]);
}

function chartSeconds(ms) {
  return ms === null || ms === undefined ? null : ms / 1000;
}

/** A duration given in seconds, as the page writes durations. */
function seconds(s) {
  return duration(s === null || s === undefined ? null : s * 1000);
}

/** Creates the chart once, then swaps its data: no flicker, no page reload. */
function lineChart(id, labels, datasets) {
  const styled = datasets.map((d) => ({ ...d, backgroundColor: d.borderColor, tension: 0.2, spanGaps: true, pointRadius: 2 }));
  if (!charts[id]) {
    charts[id] = new Chart(document.getElementById(id), {
      type: 'line',
      data: { labels, datasets: styled },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    });
    return;
  }
  charts[id].data.labels = labels;
  charts[id].data.datasets = styled;
  charts[id].update('none');
}
