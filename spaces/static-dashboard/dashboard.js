// The static dashboard: reads the workers' public datasets from the Hub in the browser and draws what the server
// dashboard shows. Every value from a row reaches the page as a text node (textContent, createTextNode) or an SVG
// attribute set with setAttribute, never as markup.
'use strict';

(function () {
  const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
  const SCOPES = ['main', 'build', 'test', 'fixture', 'generated'];
  const SCOPE_TITLES = {main: 'Main code', build: 'Build files', test: 'Test code', fixture: 'Test fixtures', generated: 'Generated code'};
  const DEFECT_CATEGORIES = ['error prone', 'multithreading', 'security', 'autocoder security', 'secrets'];
  const GROUPS_SHOWN = 10;
  const CHART_POINTS = 200;

  // ---- DOM helpers: text only

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, String(value)));
    (children || []).forEach(child => node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child));
    return node;
  }

  function svg(tag, attributes) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, String(value)));
    return node;
  }

  function replaceChildren(node, children) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    children.forEach(child => node.appendChild(child));
  }

  function setText(id, text) {
    document.getElementById(id).textContent = text;
  }

  // ---- reading the Hub

  /** The tree and resolve URLs of a dataset; the revision is encoded with no safe characters, as the Hub wants. */
  function hubUrls(config, dataset) {
    const repo = encodeURIComponent(config.owner) + '/' + encodeURIComponent(dataset);
    const revision = encodeURIComponent(config.revision || 'main');
    const path = p => p.split('/').map(encodeURIComponent).join('/');
    return {
      tree: folder => config.endpoint + '/api/datasets/' + repo + '/tree/' + revision + '/' + path(folder),
      resolve: file => config.endpoint + '/datasets/' + repo + '/resolve/' + revision + '/' + path(file),
      page: config.endpoint + '/datasets/' + repo
    };
  }

  async function getOk(url) {
    // a plain GET without credentials or custom headers: the Hub answers it with Access-Control-Allow-Origin
    const response = await fetch(url, {credentials: 'omit', cache: 'no-store'});
    if (!response.ok) {
      const error = new Error(response.status + ' from ' + url);
      error.status = response.status;
      throw error;
    }
    return response;
  }

  /** A folder's entries, following the Link header's rel="next" pages when the browser may read it. */
  async function listFolder(urls, folder) {
    let url = urls.tree(folder);
    const entries = [];
    while (url) {
      const response = await getOk(url);
      entries.push(...await response.json());
      const link = response.headers.get('Link');
      const next = link && /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
      url = next ? next[1] : null;
    }
    return entries;
  }

  /** The rows of a JSON Lines file; a line that is not JSON (a torn write) is skipped and reported. */
  function parseLines(text, path) {
    const rows = [];
    text.split('\n').filter(line => line.trim() !== '').forEach((line, index) => {
      try {
        rows.push(JSON.parse(line));
      } catch (e) {
        console.info('skipped line ' + (index + 1) + ' of ' + path + ': not JSON');
      }
    });
    return rows;
  }

  /**
   * The newest rows of a dataset, oldest first: walks data/ newest path first (folders are days, file names start
   * with their time), as the workers do when they continue their numbering from the Hub.
   */
  async function readRows(config, worker) {
    const urls = hubUrls(config, worker.dataset);
    const budget = {rows: config.rows_per_worker || 300, files: config.max_files_per_worker || 40};
    const newestFirst = [];
    async function walk(folder) {
      const entries = (await listFolder(urls, folder)).sort((a, b) => (a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
      for (const entry of entries) {
        if (budget.rows <= 0 || budget.files <= 0) {
          return;
        }
        if (entry.type === 'directory') {
          await walk(entry.path);
        } else if (entry.path.endsWith('.jsonl')) {
          budget.files--;
          const text = await (await getOk(urls.resolve(entry.path))).text();
          const rows = parseLines(text, entry.path);
          for (let i = rows.length - 1; i >= 0 && budget.rows > 0; i--, budget.rows--) {
            newestFirst.push(rows[i]);
          }
        }
      }
    }
    try {
      await walk('data');
    } catch (error) {
      if (error.status === 404 || error.status === 401) {
        return {rows: [], page: urls.page, missing: true}; // not published yet, or private (the Hub answers 401)
      }
      throw error;
    }
    return {rows: newestFirst.reverse(), page: urls.page, missing: false};
  }

  // ---- what the rows say

  function metric(row, name) {
    const found = (row.metrics || []).find(m => m.name === name);
    return found ? Number(found.value) : null;
  }

  /** Findings by scope and severity of a row: its complete metrics (schema 2), else the findings it lists. */
  function findingCounts(row) {
    const counts = {};
    SCOPES.forEach(scope => {
      counts[scope] = {};
      SEVERITIES.forEach(severity => { counts[scope][severity] = 0; });
    });
    if (metric(row, 'findings_main') !== null) {
      SCOPES.forEach(scope => SEVERITIES.forEach(severity => {
        counts[scope][severity] = metric(row, 'findings.' + scope + '.' + severity) || 0;
      }));
    } else {
      (row.findings || []).forEach(finding => {
        const scope = SCOPES.includes(finding.scope) ? finding.scope : 'main';
        const severity = SEVERITIES.includes(finding.severity) ? finding.severity : 'info';
        counts[scope][severity]++;
      });
    }
    return counts;
  }

  function total(bySeverity) {
    return SEVERITIES.reduce((sum, severity) => sum + bySeverity[severity], 0);
  }

  /** A row's finding groups; a row of schema 1 has none, so they are made from the findings it lists. */
  function groupsOf(row) {
    if ((row.finding_groups || []).length > 0) {
      return row.finding_groups.map(group => Object.assign({perspective: row.perspective_name || row.perspective_id}, group));
    }
    const byKey = new Map();
    (row.findings || []).forEach(finding => {
      const scope = finding.scope || 'main';
      const key = [finding.rule, finding.severity, scope].join('\u0000');
      if (!byKey.has(key)) {
        byKey.set(key, {perspective: row.perspective_name || row.perspective_id, rule: finding.rule, category: finding.category,
          severity: finding.severity || 'info', scope: scope, count: 0, message: finding.message, locations: []});
      }
      const group = byKey.get(key);
      group.count++;
      if (finding.file && group.locations.length < 5) {
        group.locations.push(finding.line == null ? finding.file : finding.file + ':' + finding.line);
      }
    });
    return [...byKey.values()];
  }

  function groupOrder(a, b) {
    const defect = g => DEFECT_CATEGORIES.includes(String(g.category || '').toLowerCase()) ? 0 : 1;
    return SCOPES.indexOf(a.scope) - SCOPES.indexOf(b.scope)
      || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
      || defect(a) - defect(b)
      || b.count - a.count
      || String(a.rule).localeCompare(String(b.rule));
  }

  /** The newest ok row of each perspective. */
  function latestByPerspective(rows) {
    const latest = new Map();
    rows.filter(row => row.status === 'ok').forEach(row => latest.set(row.perspective_id, row));
    return latest;
  }

  /** The quality_gate column of an analysis row (an object or a JSON-encoded string), or null. */
  function gateOf(row) {
    let gate = row && row.quality_gate;
    if (typeof gate === 'string') {
      try {
        gate = JSON.parse(gate);
      } catch (e) {
        return null;
      }
    }
    return gate && typeof gate === 'object' ? gate : null;
  }

  function workerSummary(config, worker, read, now) {
    const rows = read.rows;
    const newest = rows.length ? rows.reduce((a, b) => (Date.parse(b.timestamp) >= Date.parse(a.timestamp) ? b : a)) : null;
    const staleAfterMs = (config.stale_after_periods || 3) * worker.period_seconds * 1000;
    const ageMs = newest ? now - Date.parse(newest.timestamp) : null;
    const up = newest !== null && ageMs <= staleAfterMs;
    let state = 'no rows';
    if (newest) {
      state = !up ? 'stale' : newest.status === 'error' ? 'failing' : 'up';
    }
    return {worker: worker.worker, dataset: worker.dataset, page: read.page, missing: read.missing === true, rows: rows, newest: newest, up: up, state: state,
      ageMs: ageMs, iterations: rows.reduce((max, row) => Math.max(max, Number(row.iteration) || 0), 0)};
  }

  function age(ms) {
    if (ms === null) {
      return '';
    }
    const seconds = Math.max(0, Math.round(ms / 1000));
    if (seconds < 120) {
      return seconds + ' s ago';
    }
    if (seconds < 7200) {
      return Math.round(seconds / 60) + ' min ago';
    }
    return seconds < 172800 ? Math.round(seconds / 3600) + ' h ago' : Math.round(seconds / 86400) + ' days ago';
  }

  // ---- rendering

  function renderStatus(summaries) {
    const up = summaries.filter(s => s.up).length;
    const all = summaries.length;
    const status = up === all && all > 0 ? ['operational', 'All Systems Operational']
      : up > 0 ? ['partial', 'Partial Operation (' + up + '/' + all + ' workers)'] : ['offline', 'System Offline'];
    document.getElementById('overview').className = 'overview status-' + status[0];
    setText('status-line', status[1]);
    const newest = summaries.map(s => s.newest).filter(Boolean)
      .reduce((a, b) => (a && Date.parse(a.timestamp) >= Date.parse(b.timestamp) ? a : b), null);
    const fact = (name, value) => el('div', {}, [el('dt', {}, [name]), el('dd', {}, [value])]);
    replaceChildren(document.getElementById('facts'), [
      fact('workers up', up + ' of ' + all),
      fact('repository', newest && newest.repository ? String(newest.repository) : '—'),
      fact('commit', newest && newest.commit ? String(newest.commit).substring(0, 12) : '—'),
      fact('newest row', newest ? String(newest.timestamp) : '—')
    ]);
  }

  function renderWorkers(summaries) {
    const rows = summaries.map(s => el('tr', {'data-worker': s.worker}, [
      el('td', {}, [s.worker]),
      el('td', {}, [el('span', {class: 'state state-' + s.state.replace(' ', '-')}, [s.state])]),
      el('td', {class: 'num'}, [String(s.iterations)]),
      el('td', {}, [s.newest ? String(s.newest.timestamp) + ' (' + age(s.ageMs) + ')'
        : s.missing ? 'no rows: the dataset is missing or private' : 'no rows yet']),
      el('td', {}, [s.newest ? String(s.newest.perspective_name || s.newest.perspective_id || '') : '']),
      el('td', {class: s.newest ? 'status-' + s.newest.status : ''}, [s.newest ? String(s.newest.status)
        + (s.newest.error ? ': ' + s.newest.error : '') : '']),
      el('td', {class: 'num'}, [String(s.rows.length)]),
      el('td', {}, [el('a', {href: s.page, rel: 'noopener', target: '_blank'}, [s.dataset])])
    ]));
    replaceChildren(document.querySelector('#workers-table tbody'), rows);
  }

  function renderGate(summaries) {
    const analysis = summaries.find(s => s.worker === 'analysis');
    const carrying = (analysis ? analysis.rows : []).filter(row => gateOf(row) !== null);
    const status = document.getElementById('gate-status');
    if (carrying.length === 0) {
      status.className = 'gate-status gate-none';
      status.textContent = 'no gate yet';
      replaceChildren(document.getElementById('gate-conditions'), [el('p', {class: 'note'},
        ['None of the analysis rows read carries a gate column.'])]);
      return;
    }
    const row = carrying[carrying.length - 1];
    const gate = gateOf(row);
    const value = String(gate.status || 'unknown');
    status.className = 'gate-status gate-' + (['passed', 'failed'].includes(value) ? value : 'unknown');
    status.textContent = value + ' (iteration ' + row.iteration + ', ' + row.timestamp + ')';
    const conditions = Array.isArray(gate.conditions) ? gate.conditions : [];
    const cell = v => el('td', {}, [v === undefined || v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v)]);
    const threshold = c => c.threshold === undefined || c.threshold === null ? '' : ' ' + String(c.threshold);
    // the gate's reason (e.g. no new-code baseline yet) shows once above the table, not on every condition
    const body = conditions.map(c => {
      const conditionStatus = String(c.status || 'unknown');
      const detail = gate.reason && c.detail === gate.reason ? 'see above' : c.detail;
      return el('tr', {class: 'condition-' + conditionStatus}, [
        cell(String(c.metric) + ' ' + String(c.operator || '') + threshold(c)),
        cell(c.value === undefined || c.value === null ? null : (c.at_least ? '≥ ' : '') + String(c.value)),
        el('td', {class: 'condition-status'}, [conditionStatus]), cell(detail)]);
    });
    const parts = gate.reason ? [el('p', {class: 'note', id: 'gate-reason'}, [String(gate.reason)])] : [];
    replaceChildren(document.getElementById('gate-conditions'), conditions.length === 0 ? parts : parts.concat([
      el('table', {id: 'gate-table'}, [
        el('thead', {}, [el('tr', {}, ['condition', 'value', 'status', 'how'].map(h => el('th', {}, [h])))]),
        el('tbody', {}, body)])]));
  }

  function chart(title, series, yLabel) {
    const figure = el('figure', {class: 'chart'}, [el('figcaption', {}, [title])]);
    const points = series.flatMap(s => s.points);
    if (points.length === 0) {
      figure.appendChild(el('p', {class: 'empty-chart'}, ['No data yet.']));
      return figure;
    }
    const width = 600, height = 220, left = 44, right = 10, top = 10, bottom = 24;
    const xs = points.map(p => p.x), ys = points.map(p => p.y);
    const xMin = Math.min(...xs), xMax = Math.max(...xs);
    const yMin = Math.min(0, ...ys), yMax = Math.max(...ys) === yMin ? yMin + 1 : Math.max(...ys);
    const x = v => left + (xMax === xMin ? (width - left - right) / 2 : (v - xMin) / (xMax - xMin) * (width - left - right));
    const y = v => top + (1 - (v - yMin) / (yMax - yMin)) * (height - top - bottom);
    const drawing = svg('svg', {viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': title});
    drawing.appendChild(svg('rect', {class: 'plot', x: left, y: top, width: width - left - right, height: height - top - bottom}));
    [yMin, (yMin + yMax) / 2, yMax].forEach(v => {
      drawing.appendChild(svg('line', {class: 'grid', x1: left, x2: width - right, y1: y(v), y2: y(v)}));
      const label = svg('text', {class: 'tick', x: left - 4, y: y(v) + 4, 'text-anchor': 'end'});
      label.textContent = Number.isInteger(v) ? String(v) : v.toFixed(2);
      drawing.appendChild(label);
    });
    const axis = svg('text', {class: 'tick', x: left, y: height - 6});
    axis.textContent = yLabel;
    drawing.appendChild(axis);
    series.forEach((s, i) => {
      if (s.points.length === 0) {
        return;
      }
      drawing.appendChild(svg('polyline', {class: 'line series-' + (i % 8),
        points: s.points.map(p => x(p.x).toFixed(1) + ',' + y(p.y).toFixed(1)).join(' ')}));
    });
    figure.appendChild(drawing);
    figure.appendChild(el('ul', {class: 'legend'}, series.map((s, i) =>
      el('li', {}, [el('span', {class: 'swatch series-' + (i % 8)}), s.name]))));
    return figure;
  }

  function flatten(prefix, value, into) {
    if (typeof value === 'number') {
      into.push([prefix, value]);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      Object.entries(value).forEach(([key, inner]) => flatten(prefix ? prefix + '.' + key : key, inner, into));
    }
    return into;
  }

  function renderInsights(summaries) {
    const sections = summaries.filter(s => s.rows.length > 0).map(s => {
      const latest = latestByPerspective(s.rows);
      const perScope = {};
      SCOPES.forEach(scope => {
        perScope[scope] = {};
        SEVERITIES.forEach(severity => { perScope[scope][severity] = 0; });
      });
      latest.forEach(row => {
        const counts = findingCounts(row);
        SCOPES.forEach(scope => SEVERITIES.forEach(severity => { perScope[scope][severity] += counts[scope][severity]; }));
      });
      const errors = s.rows.filter(row => row.status === 'error').length;
      const totals = el('dl', {class: 'totals'}, [
        ['rows read', s.rows.length], ['ok', s.rows.filter(row => row.status === 'ok').length], ['errors', errors],
        ['open findings (main code)', total(perScope.main)]
      ].map(([name, value]) => el('div', {class: name === 'errors' && errors > 0 ? 'error' : ''},
        [el('dt', {}, [name]), el('dd', {}, [String(value)])])));
      const severities = el('ul', {class: 'severities'}, SEVERITIES.map(severity => el('li', {}, [
        el('span', {class: 'sev severity-' + severity}, [severity]), String(perScope.main[severity])])));
      const scopes = el('ul', {class: 'scopes'}, SCOPES.map(scope => el('li', {class: 'scope-' + scope}, [
        el('span', {}, [SCOPE_TITLES[scope]]), el('span', {}, [String(total(perScope[scope]))])])));
      const perspectives = el('table', {}, [
        el('thead', {}, [el('tr', {}, [el('th', {}, ['perspective']), el('th', {class: 'num'}, ['quality score']),
          el('th', {class: 'num'}, ['open findings (main)'])])]),
        el('tbody', {}, [...latest.values()].map(row => el('tr', {}, [
          el('td', {}, [String(row.perspective_name || row.perspective_id)]),
          el('td', {class: 'num'}, [row.quality_score == null ? '—' : Number(row.quality_score).toFixed(2)]),
          el('td', {class: 'num'}, [String(total(findingCounts(row).main))])])))]);
      const newest = s.rows[s.rows.length - 1];
      const counters = flatten('', {cumulative_insights: newest.cumulative_insights, cumulative_progress: newest.cumulative_progress}, []);
      const cards = [
        el('div', {class: 'card'}, [el('h3', {}, ['Totals']), totals]),
        el('div', {class: 'card'}, [el('h3', {}, ['Findings by severity (main code)']), severities]),
        el('div', {class: 'card'}, [el('h3', {}, ['Findings by scope']), scopes]),
        el('div', {class: 'card wide'}, [el('h3', {}, ['By perspective']), perspectives])
      ];
      if (counters.length > 0) {
        cards.push(el('div', {class: 'card'}, [el('h3', {}, ['Cumulative counters']), el('dl', {class: 'totals'},
          counters.map(([name, value]) => el('div', {}, [el('dt', {}, [name]), el('dd', {}, [String(value)])])))]));
      }
      return el('section', {class: 'worker-insights', 'data-worker': s.worker}, [
        el('h2', {}, ['Insights: ' + s.worker]), el('div', {class: 'grid'}, cards),
        el('div', {class: 'charts'}, charts(s.rows))]);
    });
    replaceChildren(document.getElementById('insights'), sections);
  }

  function charts(rows) {
    const byPerspective = new Map();
    const openMain = [];
    const latestMain = new Map();
    rows.filter(row => row.status === 'ok').forEach(row => {
      const name = String(row.perspective_name || row.perspective_id);
      if (row.quality_score != null) {
        if (!byPerspective.has(name)) {
          byPerspective.set(name, []);
        }
        byPerspective.get(name).push({x: Number(row.iteration), y: Number(row.quality_score)});
      }
      latestMain.set(row.perspective_id, total(findingCounts(row).main));
      openMain.push({x: Date.parse(row.timestamp) / 1000, y: [...latestMain.values()].reduce((a, b) => a + b, 0)});
    });
    const newest = points => points.slice(-CHART_POINTS);
    return [
      chart('Quality score per perspective, by iteration',
        [...byPerspective.entries()].map(([name, points]) => ({name: name, points: newest(points)})), 'iteration'),
      chart('Open findings in main code over time', [{name: 'open findings (main code)', points: newest(openMain)}], 'time')
    ];
  }

  function renderFindings(summaries) {
    const blocks = [];
    summaries.forEach(s => {
      const groups = [];
      latestByPerspective(s.rows).forEach(row => groups.push(...groupsOf(row)));
      if (groups.length === 0) {
        return;
      }
      groups.sort(groupOrder);
      const block = el('div', {class: 'worker-findings', 'data-worker': s.worker}, [el('h3', {}, [s.worker])]);
      SCOPES.forEach(scope => {
        const inScope = groups.filter(g => (g.scope || 'main') === scope);
        if (inScope.length === 0) {
          return;
        }
        const findings = inScope.reduce((sum, g) => sum + (Number(g.count) || 0), 0);
        const shown = inScope.slice(0, GROUPS_SHOWN);
        const table = el('table', {class: 'findings-table'}, [el('tbody', {}, shown.map(g => el('tr', {}, [
          el('td', {}, [el('span', {class: 'sev severity-' + g.severity}, [String(g.severity)])]),
          el('td', {class: 'rule'}, [String(g.rule), el('span', {class: 'count'}, [' × ' + g.count])]),
          el('td', {}, [String(g.message || '')]),
          el('td', {class: 'location'}, [(g.locations || []).join(', ')]),
          el('td', {class: 'note'}, [String(g.perspective || '')])])))]);
        const summary = SCOPE_TITLES[scope] + ': ' + findings + ' findings in ' + inScope.length + ' groups'
          + (shown.length < inScope.length ? ', showing ' + shown.length + ' of ' + inScope.length + ' groups' : '');
        block.appendChild(scope === 'main'
          ? el('div', {class: 'finding-scope'}, [el('h4', {}, [summary]), table])
          : el('details', {class: 'finding-scope'}, [el('summary', {}, [summary]), table]));
      });
      blocks.push(block);
    });
    replaceChildren(document.getElementById('findings-body'), blocks.length > 0 ? blocks
      : [el('p', {class: 'note'}, ['No findings in the rows read.'])]);
  }

  // ---- the refresh loop

  async function refresh(config) {
    const now = Date.now();
    const problems = [];
    const summaries = await Promise.all(config.workers.map(async worker => {
      try {
        return workerSummary(config, worker, await readRows(config, worker), now);
      } catch (error) {
        problems.push(worker.dataset + ': ' + error.message);
        return workerSummary(config, worker, {rows: [], page: hubUrls(config, worker.dataset).page}, now);
      }
    }));
    renderStatus(summaries);
    renderWorkers(summaries);
    renderGate(summaries);
    renderInsights(summaries);
    renderFindings(summaries);
    setText('problems', problems.length ? 'Could not read: ' + problems.join('; ') : '');
    setText('load-state', 'Read from ' + config.endpoint + ' at ' + new Date(now).toISOString()
      + '; next refresh in ' + (config.refresh_seconds || 60) + ' s');
  }

  async function start() {
    let config;
    try {
      config = await (await getOk('config.json')).json();
    } catch (error) {
      setText('load-state', 'config.json could not be read: ' + error.message);
      return;
    }
    if (!config.owner) {
      setText('load-state', 'config.json names no owner: publish this Space with deploy-spaces --static-dashboard --owner <user>.');
      return;
    }
    config.endpoint = String(config.endpoint || 'https://huggingface.co').replace(/\/+$/, '');
    setText('stale-factor', String(config.stale_after_periods || 3));
    const loop = async () => {
      try {
        await refresh(config);
      } catch (error) {
        setText('load-state', 'Reading the Hub failed: ' + error.message);
      }
      setTimeout(loop, (config.refresh_seconds || 60) * 1000);
    };
    loop();
  }

  start();
}());
