// The SSPF dashboard: asks the statistics query with the reader's own token and shows the answer as
// tables and charts (Chart.js, served locally). Suppressed cells (small-cell protection) are marked,
// never guessed: the page shows only what the API returned.
'use strict';

const QUERY = `query Dashboard($period: String!) {
  statistics(period: $period) {
    period from to referenceDate smallCellThreshold
    districts { ...Row }
    city { ...Row }
    months { month started { value suppressed } closed { value suppressed } activeAtEnd { value suppressed } }
    police { districts { district casesWithIncidentShare { value suppressed } } city { district casesWithIncidentShare { value suppressed } } }
    school { districts { district attendanceRoseShare { value suppressed } } city { district attendanceRoseShare { value suppressed } } }
    leisure { districts { district casesWithActivityShare { value suppressed } } city { district casesWithActivityShare { value suppressed } } }
  }
}
fragment Row on DistrictStatistics {
  district name
  proposals { value suppressed } started { value suppressed } closed { value suppressed } activeDuringPeriod { value suppressed } activeOnReferenceDate { value suppressed }
  meetingInLastFiveWeeks { value suppressed } meetingInLastFiveWeeksShare { value suppressed } meetingOverdue { value suppressed }
  medianDaysProposalToActive { value suppressed }
  closedByReason { reason cases { value suppressed } }
  participation { agency share { value suppressed } }
}`;

const REASONS = {
  GOALS_MET: 'Goals met',
  OTHER_INTERVENTION_NEEDED: 'Other intervention needed',
  PLACED_OUTSIDE_HOME: 'Placed outside the home',
  MOVED_TO_OTHER_MUNICIPALITY: 'Moved to another municipality',
  MOVED_ABROAD: 'Moved abroad',
  NOT_STARTED: 'Never started',
};
const AGENCIES = { POLICE: 'Police', SCHOOL: 'School', CHILD_PSYCHIATRY: 'BUP', LEISURE: 'Leisure' };
const ROLE_MESSAGES = {
  ROLE_REQUIRED: 'This sign-in has no statistics role: district statistics need the STATISTICS role (SSPF leadership, social administration).',
};

const $ = (id) => document.getElementById(id);
const charts = {};
let personas = {};
let threshold = 5;

async function loadPersonas() {
  try {
    const response = await fetch('/playground/personas.json');
    if (response.ok) personas = await response.json();
  } catch {
    // No personas outside development: sign in with a token.
  }
  const picker = $('persona');
  const names = Object.keys(personas);
  if (names.length === 0) {
    picker.closest('label').hidden = true;
    return;
  }
  for (const name of names) {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = `${name}: ${personas[name].name}`;
    picker.appendChild(option);
  }
  picker.value = names.includes('district-supervisor') ? 'district-supervisor' : names[0];
}

function token() {
  const pasted = $('token').value.trim();
  if (pasted) return pasted;
  return personas[$('persona').value]?.token ?? '';
}

function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

/** A figure as text in a cell: the number (or share as %), or a visible suppression marker. */
function cell(figure, kind = 'count') {
  const td = document.createElement('td');
  if (!figure || figure.suppressed || figure.value === null) {
    const span = document.createElement('span');
    span.className = 'suppressed';
    span.textContent = 'suppressed';
    span.title = `Small-cell protection: fewer than ${threshold} cases, or a figure that would reveal such a count.`;
    td.appendChild(span);
    return td;
  }
  td.textContent = kind === 'share' ? `${(figure.value * 100).toFixed(1)} %` : kind === 'days' ? `${figure.value}` : figure.value.toLocaleString('sv-SE');
  return td;
}

const shareOf = (list, district) => list?.find((r) => r.district === district);

function renderTable(report) {
  const columns = [
    ['District', null],
    ['Proposals', (r) => cell(r.proposals)],
    ['Started', (r) => cell(r.started)],
    ['Closed', (r) => cell(r.closed)],
    ['Active in period', (r) => cell(r.activeDuringPeriod)],
    ['Active on ref. date', (r) => cell(r.activeOnReferenceDate)],
    ['Meeting ≤ 5 weeks', (r) => cell(r.meetingInLastFiveWeeksShare, 'share')],
    ['Meeting overdue', (r) => cell(r.meetingOverdue)],
    ['Median days to active', (r) => cell(r.medianDaysProposalToActive, 'days')],
    ...Object.entries(AGENCIES).map(([agency, label]) => [`${label} in group`, (r) => cell(r.participation.find((p) => p.agency === agency)?.share, 'share')]),
    ['Police: incident', (r) => cell(shareOf(report.police?.districts, r.district)?.casesWithIncidentShare ?? (r.district === 'city' ? report.police?.city.casesWithIncidentShare : null), 'share')],
    ['School: attendance rose', (r) => cell(shareOf(report.school?.districts, r.district)?.attendanceRoseShare ?? (r.district === 'city' ? report.school?.city.attendanceRoseShare : null), 'share')],
    ['Leisure: activity', (r) => cell(shareOf(report.leisure?.districts, r.district)?.casesWithActivityShare ?? (r.district === 'city' ? report.leisure?.city.casesWithActivityShare : null), 'share')],
  ];
  const head = document.createElement('tr');
  for (const [label] of columns) {
    const th = document.createElement('th');
    th.textContent = label;
    head.appendChild(th);
  }
  $('districts').tHead.replaceChildren(head);
  const rows = [...report.districts, report.city].map((r) => {
    const tr = document.createElement('tr');
    if (r.district === 'city') tr.className = 'city';
    const name = document.createElement('td');
    name.textContent = r.district === 'city' ? 'All districts' : r.name;
    tr.appendChild(name);
    for (const [, render] of columns.slice(1)) tr.appendChild(render(r));
    return tr;
  });
  $('districts').tBodies[0].replaceChildren(...rows);
}

const valueOf = (f) => (f && !f.suppressed ? f.value : null);
const anySuppressed = (figures) => figures.some((f) => f && f.suppressed);

function chart(id, config, suppressedNote) {
  charts[id]?.destroy();
  const canvas = $(id);
  canvas.dataset.rendered = 'false';
  const caption = canvas.previousElementSibling;
  caption.dataset.base ??= caption.textContent;
  caption.textContent = caption.dataset.base + (suppressedNote ? ' (some values suppressed: gaps)' : '');
  config.options = { responsive: true, animation: false, spanGaps: false, ...config.options };
  config.plugins = [{ id: 'rendered', afterRender: () => (canvas.dataset.rendered = 'true') }];
  charts[id] = new Chart(canvas, config);
}

function renderCharts(report) {
  const months = report.months;
  chart(
    'chart-over-time',
    {
      type: 'line',
      data: {
        labels: months.map((m) => m.month),
        datasets: [
          { label: 'Active at month end', data: months.map((m) => valueOf(m.activeAtEnd)), borderColor: '#1d3b58', backgroundColor: '#1d3b58' },
          { label: 'Started', data: months.map((m) => valueOf(m.started)), borderColor: '#2a9d8f', backgroundColor: '#2a9d8f' },
          { label: 'Closed', data: months.map((m) => valueOf(m.closed)), borderColor: '#e76f51', backgroundColor: '#e76f51' },
        ],
      },
      options: { scales: { y: { beginAtZero: true } } },
    },
    anySuppressed(months.flatMap((m) => [m.activeAtEnd, m.started, m.closed])),
  );
  const reasons = report.city.closedByReason;
  chart(
    'chart-closures',
    {
      type: 'bar',
      data: { labels: reasons.map((r) => REASONS[r.reason] ?? r.reason), datasets: [{ label: 'Cases closed', data: reasons.map((r) => valueOf(r.cases)), backgroundColor: '#e76f51' }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } } },
    },
    anySuppressed(reasons.map((r) => r.cases)),
  );
  const districts = report.districts;
  chart(
    'chart-cadence',
    {
      type: 'bar',
      data: {
        labels: districts.map((d) => d.name),
        datasets: [
          { label: 'Meeting in the last five weeks', data: districts.map((d) => valueOf(d.meetingInLastFiveWeeks)), backgroundColor: '#2a9d8f' },
          { label: 'Meeting overdue', data: districts.map((d) => valueOf(d.meetingOverdue)), backgroundColor: '#e9c46a' },
        ],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
    },
    anySuppressed(districts.flatMap((d) => [d.meetingInLastFiveWeeks, d.meetingOverdue])),
  );
  const participation = report.city.participation;
  chart(
    'chart-participation',
    {
      type: 'bar',
      data: {
        labels: participation.map((p) => AGENCIES[p.agency] ?? p.agency),
        datasets: [{ label: 'Share of cases (%)', data: participation.map((p) => (valueOf(p.share) === null ? null : Math.round(p.share.value * 1000) / 10)), backgroundColor: '#1d3b58' }],
      },
      options: { scales: { y: { beginAtZero: true, max: 100 } }, plugins: { legend: { display: false } } },
    },
    anySuppressed(participation.map((p) => p.share)),
  );
}

async function load(event) {
  event?.preventDefault();
  const period = $('period').value.trim();
  const bearer = token();
  if (!bearer) return setStatus('Sign in first: pick a persona or paste a token.', true);
  setStatus(`Loading ${period}…`);
  $('load').disabled = true;
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: QUERY, variables: { period }, operationName: 'Dashboard' }),
    });
    const body = await response.json().catch(() => ({}));
    const report = body.data?.statistics;
    if (!report) {
      $('report').hidden = true;
      const error = body.errors?.[0];
      const reason = error?.extensions?.reason;
      const message = ROLE_MESSAGES[reason] ?? (response.status === 401 ? 'The sign-in was not accepted (401): the token is missing, expired or not valid.' : error?.message ?? `The server answered ${response.status}.`);
      return setStatus(message, true);
    }
    threshold = report.smallCellThreshold;
    $('summary').textContent = `Period ${report.period}: ${report.from} – ${report.to}; stock figures on ${report.referenceDate}.`;
    $('legend-text').textContent = `= withheld by small-cell protection: fewer than ${threshold} cases, or a figure from which such a count could be worked out.`;
    $('report').hidden = false;
    renderTable(report);
    renderCharts(report);
    const partial = body.errors?.length ? ` Some parts are missing: ${body.errors.map((e) => e.message).join('; ')}` : '';
    setStatus(`Loaded ${report.period}.${partial}`, Boolean(partial));
  } catch (error) {
    setStatus(`Could not reach the server: ${error.message}`, true);
  } finally {
    $('load').disabled = false;
  }
}

(async function main() {
  $('period').value = String(new Date().getFullYear());
  await loadPersonas();
  $('controls').addEventListener('submit', load);
})();
