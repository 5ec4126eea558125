// The analyst view: each segment's rules from GET /segments and its rule coverage (analyst role).
// Status and coverage refresh every few seconds; the replay form and its result are left alone.
import {
  Refused, api, h, percent, startPage, table, time, windowQuery,
} from './common.js';

startPage('analyst', async () => {
  const segments = await api('/segments');
  // A segment whose coverage cannot be read still shows its rules; a refusal still stops the page.
  const coverage = await Promise.all(segments.map((s) => api(`/segments/${encodeURIComponent(s.name)}/coverage?${windowQuery()}`)
    .catch((e) => { if (e instanceof Refused) throw e; return e; })));
  segments.forEach((segment, i) => render(segment, coverage[i]));
});

/** The segment's card, made once with a slot per part, so refreshing never clears what the analyst typed. */
function card(name) {
  const id = `segment-${name}`;
  let article = document.getElementById(id);
  if (!article) {
    article = h('article', { class: 'segment', id, 'data-segment': name },
      h('h2', {}, name, h('span', { class: 'slot-status' })),
      h('div', { class: 'slot-active' }),
      h('section', { class: 'slot-rejected' }),
      h('section', {}, h('h3', {}, 'Versions kept for rollback'), h('div', { class: 'slot-history' }),
        h('p', { class: 'result rollback-result' })),
      replayForm(name),
      h('section', {}, h('h3', {}, 'Rule coverage'), h('div', { class: 'slot-coverage' })));
    document.getElementById('segments').append(article);
    document.getElementById('segment-links').append(h('a', { href: `#${id}` }, name));
  }
  return (slot) => article.querySelector(`.slot-${slot}`);
}

function render(segment, coverage) {
  const slot = card(segment.name);
  fill(slot('status'), segment.status, () => [segment.status === 'ACTIVE'
    ? h('span', { class: 'badge green' }, 'active')
    : h('span', { class: 'badge red' }, 'failed: leads get the fallback route')]);
  fill(slot('active'), [segment.rulesetVersion, segment.loadedAt, segment.gates], () => [segment.rulesetVersion
    ? h('p', {}, 'Active version ', h('strong', { class: 'active-version' }, segment.rulesetVersion),
      `, ${segment.ruleCount} rules, loaded ${time(segment.loadedAt)} from `, segment.files.join(', '),
      '. Fallback queue: ', segment.fallbackQueue)
    : h('p', {}, 'No version of these rules has passed the gates.'),
  gates(segment.gates)]);
  fill(slot('rejected'), segment.lastRejected, () => rejected(segment.lastRejected));
  fill(slot('history'), segment.history, () => [history(segment)]);
  fill(slot('coverage'), coverage instanceof Error ? coverage.message : coverage, () => coverageTable(segment.name, coverage));
}

/** Rebuilds a slot only when its data changed, so a button is not swapped under the analyst's pointer. */
function fill(element, data, build) {
  const signature = JSON.stringify(data ?? null);
  if (element.dataset.signature !== signature) {
    element.replaceChildren(...build());
    element.dataset.signature = signature;
  }
}

function gates(results) {
  return table(['Gate', 'Result', 'Report'], (results || []).map((g) => [
    g.gate,
    h('span', { class: `badge ${g.passed ? 'green' : 'red'}` }, g.passed ? 'passed' : 'failed'),
    gateReport(g),
  ]), 'No gate reports.');
}

function gateReport(gate) {
  const r = gate.report;
  if (r && r.scenarios !== undefined) {
    return `${r.passed} of ${r.scenarios} scenarios passed${r.rulesNotFiredCount ? `; ${r.rulesNotFiredCount} rules no scenario fires` : ''}`;
  }
  if (r && r.fallbackRateBefore !== undefined) {
    const rise = r.fallbackRateAfter - r.fallbackRateBefore;
    return `${r.leads} recorded leads replayed: fallback rate ${r.fallbackRateBefore.toFixed(1)} % → `
      + `${r.fallbackRateAfter.toFixed(1)} % (${rise >= 0 ? '+' : ''}${rise.toFixed(1)} points), ${r.changed} change queue`;
  }
  return gate.passed ? '' : gate.problems.map((p) => p.message).join('; ');
}

function rejected(attempt) {
  if (!attempt) {
    return [];
  }
  return [h('div', { class: 'rejected' },
    h('h3', {}, `Last rejected attempt: ${attempt.version}, ${time(attempt.at)}, rejected by ${attempt.rejectedBy}`),
    table(['File', 'Sheet', 'Cell', 'Line', 'Error'], attempt.errors.map((e) => [
      e.file || '—', e.sheet || '', e.cell || '', e.line === null || e.line === undefined ? '' : e.line, e.message,
    ])),
    h('p', { class: 'muted' }, 'The active version above keeps deciding leads until the files are fixed.'))];
}

function history(segment) {
  const versions = segment.history || [];
  const rows = versions.map((v, i) => [
    v.version, time(v.loadedAt), v.ruleCount, v.files.join(', '),
    i === 0 ? h('span', { class: 'badge green' }, 'active') : '',
  ]);
  const previous = versions[1];
  return h('div', {},
    table(['Version', 'Loaded', 'Rules', 'Files', ''], rows, 'No version kept.'),
    previous ? h('button', { type: 'button', class: 'rollback', onclick: () => rollback(segment.name, versions[0].version, previous.version) },
      `Roll back to ${previous.version}`) : null);
}

async function rollback(name, from, to) {
  if (!window.confirm(`Roll ${name} back from ${from} to ${to}?\nLeads are decided by ${to} at once; the files are not changed.`)) {
    return;
  }
  const result = document.querySelector(`#segment-${name} .rollback-result`);
  try {
    const outcome = await api(`/segments/${encodeURIComponent(name)}/rollback`, { method: 'POST' });
    result.textContent = `Rolled back: ${name} now runs ${outcome.activeVersion || to}.`;
  } catch (e) {
    result.textContent = `Rollback refused: ${e.message}`;
  }
}

function replayForm(name) {
  const input = h('input', { type: 'text', class: 'replay-folder', placeholder: 'candidate folder', 'aria-label': 'Candidate folder' });
  const output = h('div', { class: 'result replay-result' });
  const run = async (event) => {
    event.preventDefault();
    output.replaceChildren(h('p', { class: 'muted' }, 'Replaying…'));
    try {
      const r = await api(`/segments/${encodeURIComponent(name)}/replay`, { method: 'POST', body: JSON.stringify({ folder: input.value.trim() }) });
      output.replaceChildren(
        h('p', {}, `${r.candidate} against ${r.baseline}: ${r.changed} of ${r.leads} recorded leads change queue; fallback rate `
          + `${r.fallbackRateBefore.toFixed(1)} % → ${r.fallbackRateAfter.toFixed(1)} %.`),
        table(['From queue', 'To queue', 'Leads'], r.changes.map((c) => [c.from, c.to, c.leads]), 'No lead changes queue.'));
    } catch (e) {
      output.replaceChildren(h('p', { class: 'error' }, `Replay refused: ${e.message}`));
    }
  };
  return h('section', {}, h('h3', {}, 'Replay a candidate folder over recorded leads'),
    h('form', { onsubmit: run }, input, ' ', h('button', { type: 'submit' }, 'Replay')), output);
}

function coverageTable(name, coverage) {
  if (coverage instanceof Error) {
    return [h('p', { class: 'error' }, `Coverage could not be read: ${coverage.message}`)];
  }
  const download = h('a', { href: '#', class: 'coverage-csv', onclick: (e) => { e.preventDefault(); downloadCsv(name); } },
    'Download CSV');
  return [
    h('p', {}, `${coverage.leads} leads decided by ${coverage.version || 'no version'} in the window. `, download),
    table(['Rule', 'Fired', 'Routed', 'Accepted', 'Acceptance of routed leads', 'Last fired'],
      coverage.rules.map((r) => [r.rule, r.fired, r.routed, r.accepted, percent(r.acceptanceRate), time(r.lastFired)]),
      'No rule fired in this window.'),
    h('p', {}, h('strong', {}, `Never fired (${coverage.neverFired.length}): `),
      coverage.neverFired.length ? coverage.neverFired.join(' · ') : 'every rule fired at least once.'),
  ];
}

// The CSV needs the key too, so it is fetched and handed to the browser as a file rather than linked.
async function downloadCsv(name) {
  const csv = await api(`/segments/${encodeURIComponent(name)}/coverage?${windowQuery()}&format=csv`);
  const link = h('a', { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })), download: `${name}-coverage.csv` });
  link.click();
  URL.revokeObjectURL(link.href);
}
