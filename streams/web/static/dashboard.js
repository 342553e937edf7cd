// Parley's dashboard. No framework, no library and no build step: the worker serves this file as it is, and the
// graph and the timeline are plain SVG drawn here.
// Everything an article contributes (evidence, titles, names, quotes) is untrusted: it only ever enters the page
// through text nodes (el() below and textContent), never through innerHTML, and the page's Content-Security-Policy
// forbids inline scripts as a second wall.
// Each refresh makes two API calls, whatever the number of countries: GET /graph (nodes, edges, kinds and the
// timeline of the focused country or pair) and GET /quotes, both with the filters, which live in the URL.
"use strict";

const MAX_ROWS = 50;
const MAX_NODES = 60; // the graph shows the countries with the most contacts (the focused ones always)
const SVG = "http://www.w3.org/2000/svg";
const FILTERS = ["country", "other", "kind", "status", "from", "to", "period"];
const meetings = new Map(); // event_id -> meeting event (the latest record per event_id: delivery is at-least-once)
const names = new Map(); // code -> country name, from /graph
const stats = { refreshes: 0, calls: 0 };
window.parleyStats = stats; // read by the headless-browser test
let state = readUrl();
let lastGraph = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAttrs(node, attrs);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function setAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
}

function safeHref(url) {
  // Only http(s) links: a javascript: or data: url in an article would otherwise run on click.
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (_) {
    return null;
  }
}

function label(code) {
  const name = names.get(code);
  return name ? name + " (" + code + ")" : code;
}

// ---- filters <-> URL

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  const out = {};
  for (const name of FILTERS) out[name] = params.get(name) || "";
  if (!out.period) out.period = "month";
  return out;
}

function writeUrl() {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (state[name] && !(name === "period" && state[name] === "month")) params.set(name, state[name]);
  const query = params.toString();
  window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
}

function apiQuery(names_) {
  const params = new URLSearchParams();
  for (const name of names_) if (state[name]) params.set(name, state[name]);
  return params.toString();
}

function fillSelect(select, empty, options, chosen) {
  const values = new Set(options.map((o) => o[0]));
  if (chosen && !values.has(chosen)) options = [[chosen, label(chosen)], ...options];
  select.replaceChildren(el("option", { value: "" }, empty), ...options.map(([v, text]) => el("option", { value: v }, text)));
  select.value = chosen || "";
}

function renderFilters(graph) {
  const byName = (a, b) => label(a.code).localeCompare(label(b.code));
  const countries = [...graph.nodes].sort(byName).map((n) => [n.code, label(n.code)]);
  fillSelect(document.getElementById("country"), "all countries", countries, state.country);
  const neighbours = new Set();
  for (const e of graph.edges) {
    if (e.source === state.country) neighbours.add(e.target);
    if (e.target === state.country) neighbours.add(e.source);
  }
  const others = state.country ? countries.filter(([code]) => neighbours.has(code)) : [];
  fillSelect(document.getElementById("other"), "any counterpart", others, state.other);
  fillSelect(document.getElementById("kind"), "any kind", graph.kinds.map((k) => [k, k]), state.kind);
  document.getElementById("status-filter").value = state.status;
  document.getElementById("from").value = state.from;
  document.getElementById("to").value = state.to;
  document.getElementById("period").value = state.period;
  const parts = [state.country ? label(state.country) : "all countries"];
  if (state.other) parts.push("with " + label(state.other));
  for (const name of ["kind", "status"]) if (state[name]) parts.push(state[name]);
  if (state.from || state.to) parts.push((state.from || "…") + " to " + (state.to || "…"));
  document.getElementById("view-note").textContent = "showing " + parts.join(", ");
}

function setFilter(changes) {
  Object.assign(state, changes);
  if (!state.country) state.other = "";
  if (state.other && state.other === state.country) state.other = "";
  writeUrl();
  refreshNow();
}

// ---- API

async function fetchJson(path) {
  stats.calls += 1;
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(path + ": " + response.status);
  return response.json();
}

let refreshing = null;
let again = false;
async function refreshNow() {
  if (refreshing) { again = true; return refreshing; }
  refreshing = (async () => {
    try {
      const [graph, quotes] = await Promise.all([
        fetchJson("/graph?" + apiQuery(["country", "other", "kind", "status", "from", "to", "period"])),
        fetchJson("/quotes?" + apiQuery(["country", "other", "from", "to"]) + "&limit=50"),
      ]);
      lastGraph = graph;
      for (const n of graph.nodes) if (n.name) names.set(n.code, n.name);
      if (graph.focus_name) names.set(graph.focus, graph.focus_name);
      if (graph.counterpart_name) names.set(graph.counterpart, graph.counterpart_name);
      renderFilters(graph);
      renderGraph(graph);
      renderTimeline(graph.timeline);
      renderContacts(graph);
      renderQuotes(quotes);
      renderMeetings();
      document.getElementById("graph-section").dataset.loaded = "true";
    } catch (err) {
      document.getElementById("graph-note").textContent = "(API unavailable: " + err.message + ")";
    } finally {
      stats.refreshes += 1;
      document.body.dataset.refreshes = String(stats.refreshes);
      refreshing = null;
      if (again) { again = false; refreshNow(); }
    }
  })();
  return refreshing;
}
window.parleyRefresh = refreshNow;

let refreshTimer = null;
let settleTimer = null;
function refreshSoon() {
  // Events can arrive in bursts: refresh at most every 1.5 s, and once more 5 s after the last event, when the
  // contact tables (folded from the same events a moment later) have caught up with it.
  if (!refreshTimer) refreshTimer = setTimeout(() => { refreshTimer = null; refreshNow(); }, 1500);
  if (settleTimer) clearTimeout(settleTimer);
  settleTimer = setTimeout(() => { settleTimer = null; refreshNow(); }, 5000);
}

// ---- the graph: a small force layout, deterministic (the same data draws the same picture)

function layout(nodes, edges, width, height) {
  const n = nodes.length;
  const pos = nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    const radius = Math.min(width, height) * 0.38;
    return { x: width / 2 + radius * Math.cos(angle), y: height / 2 + radius * Math.sin(angle) };
  });
  const index = new Map(nodes.map((node, i) => [node.code, i]));
  const links = edges.filter((e) => index.has(e.source) && index.has(e.target))
    .map((e) => [index.get(e.source), index.get(e.target)]);
  const ideal = Math.sqrt((width * height) / Math.max(n, 1)) * 0.6;
  for (let step = 0; step < 250; step += 1) {
    const cool = 1 - step / 250;
    const force = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        let dx = pos[i].x - pos[j].x;
        let dy = pos[i].y - pos[j].y;
        const d2 = Math.max(dx * dx + dy * dy, 1);
        const f = (ideal * ideal) / d2;
        dx *= f; dy *= f;
        force[i].x += dx; force[i].y += dy; force[j].x -= dx; force[j].y -= dy;
      }
    }
    for (const [i, j] of links) {
      const dx = pos[j].x - pos[i].x;
      const dy = pos[j].y - pos[i].y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      const f = d / ideal;
      force[i].x += dx * f; force[i].y += dy * f; force[j].x -= dx * f; force[j].y -= dy * f;
    }
    for (let i = 0; i < n; i += 1) {
      force[i].x += (width / 2 - pos[i].x) * 0.05;
      force[i].y += (height / 2 - pos[i].y) * 0.05;
      const len = Math.max(Math.sqrt(force[i].x ** 2 + force[i].y ** 2), 1e-6);
      const move = Math.min(len, 12 * cool + 0.5);
      pos[i].x += (force[i].x / len) * move;
      pos[i].y += (force[i].y / len) * move;
    }
  }
  // Fit the drawing into the box (margins for the circles and their labels).
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const fit = (v, lo, hi, from, to) => (hi - lo < 1 ? (from + to) / 2 : from + ((v - lo) * (to - from)) / (hi - lo));
  return pos.map((p) => ({ x: fit(p.x, x0, x1, 50, width - 50), y: fit(p.y, y0, y1, 34, height - 46) }));
}

function renderGraph(graph) {
  const box = document.getElementById("graph");
  const width = 800;
  const height = 520;
  let nodes = [...graph.nodes].sort((a, b) => b.contacts - a.contacts || a.code.localeCompare(b.code));
  const total = nodes.length;
  const keep = new Set(nodes.slice(0, MAX_NODES).map((n) => n.code));
  for (const code of [state.country, state.other]) if (code) keep.add(code);
  nodes = nodes.filter((n) => keep.has(n.code));
  const edges = graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  document.getElementById("graph-note").textContent = total > nodes.length
    ? "(the " + nodes.length + " of " + total + " countries with the most contacts)"
    : "(" + total + " countries, " + graph.edges.length + " pairs)";
  const pos = layout(nodes, edges, width, height);
  const at = new Map(nodes.map((n, i) => [n.code, pos[i]]));
  const maxContacts = Math.max(1, ...nodes.map((n) => n.contacts));
  const maxHeld = Math.max(1, ...edges.map((e) => e.held));
  const focused = (code) => code === state.country || code === state.other;
  const lines = edges.map((e) => {
    const a = at.get(e.source);
    const b = at.get(e.target);
    const pair = state.country && state.other && focused(e.source) && focused(e.target);
    const near = state.country && (e.source === state.country || e.target === state.country);
    const cls = ["edge", e.held ? "held" : "none", pair ? "focus" : near ? "near" : state.country ? "far" : ""].join(" ");
    const line = svg("line", { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
      class: cls, "stroke-width": (1 + (7 * e.held) / maxHeld).toFixed(1), "data-pair": e.source + "|" + e.target },
    svg("title", {}, label(e.source) + " – " + label(e.target) + ": " + e.contacts + " contacts, " + e.held + " held"));
    line.addEventListener("click", () => setFilter({ country: e.source, other: e.target }));
    return line;
  });
  const circles = nodes.map((n) => {
    const p = at.get(n.code);
    const r = 5 + 18 * Math.sqrt(n.contacts / maxContacts);
    const cls = "node" + (focused(n.code) ? " focus" : state.country ? " dim" : "");
    const group = svg("g", { class: cls, "data-code": n.code, transform: "translate(" + p.x.toFixed(1) + "," + p.y.toFixed(1) + ")", tabindex: 0 },
      svg("circle", { r: r.toFixed(1) }),
      svg("text", { y: (r + 11).toFixed(1), "text-anchor": "middle" }, n.code),
      svg("title", {}, label(n.code) + ": " + n.contacts + " contacts, " + n.held + " held"));
    const focus = () => setFilter({ country: state.country === n.code && !state.other ? "" : n.code, other: "" });
    group.addEventListener("click", focus);
    group.addEventListener("keydown", (ev) => { if (ev.key === "Enter") focus(); });
    return group;
  });
  box.replaceChildren(svg("g", { class: "edges" }, ...lines), svg("g", { class: "nodes" }, ...circles));
  if (!nodes.length) box.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, "No contacts for this view."));
}

// ---- the timeline: stacked bars per period

function renderTimeline(timeline) {
  const box = document.getElementById("timeline");
  const width = 800;
  const height = 220;
  const left = 36;
  const bottom = 28;
  const series = timeline.series || [];
  const what = state.country ? label(state.country) + (state.other ? " – " + label(state.other) : "") : "all countries";
  document.getElementById("timeline-note").textContent = "(" + what + ", per " + timeline.period
    + (timeline.undated ? "; " + timeline.undated + " undated not shown" : "") + ")";
  if (!series.length) {
    box.replaceChildren(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, "No dated contacts for this view."));
    return;
  }
  const top = Math.max(1, ...series.map((s) => s.contacts));
  const slot = (width - left - 8) / series.length;
  const bar = Math.max(1, Math.min(48, slot * 0.8));
  const y = (v) => (height - bottom) - ((height - bottom - 10) * v) / top;
  const parts = [svg("line", { x1: left, y1: height - bottom, x2: width - 4, y2: height - bottom, class: "axis" }),
    svg("text", { x: left - 6, y: y(top) + 4, "text-anchor": "end", class: "tick" }, top),
    svg("text", { x: left - 6, y: height - bottom + 4, "text-anchor": "end", class: "tick" }, 0)];
  const every = Math.max(1, Math.ceil(series.length / 12));
  series.forEach((s, i) => {
    const x = left + i * slot + (slot - bar) / 2;
    let base = 0;
    const group = svg("g", { class: "period", "data-period": s.period },
      svg("title", {}, s.period + ": " + s.contacts + " contacts (" + s.held + " held, " + s.planned + " planned, " + s.cancelled + " cancelled)"));
    for (const status of ["held", "planned", "cancelled"]) {
      if (!s[status]) continue;
      group.append(svg("rect", { x: x.toFixed(1), width: bar.toFixed(1), y: y(base + s[status]).toFixed(1),
        height: (y(base) - y(base + s[status])).toFixed(1), class: status }));
      base += s[status];
    }
    parts.push(group);
    if (i % every === 0) parts.push(svg("text", { x: (x + bar / 2).toFixed(1), y: height - bottom + 16, "text-anchor": "middle", class: "tick" }, s.period));
  });
  box.replaceChildren(...parts);
}

// ---- counterparts of the focused country (from the graph's edges: no extra call)

function renderContacts(graph) {
  const body = document.querySelector("#contacts tbody");
  const source = document.getElementById("contacts-source");
  if (!state.country) {
    source.textContent = "(choose a country)";
    body.replaceChildren();
    return;
  }
  source.textContent = "of " + label(state.country);
  const rows = [];
  for (const e of graph.edges) {
    if (e.source === state.country) rows.push({ code: e.target, contacts: e.contacts, held: e.held });
    else if (e.target === state.country) rows.push({ code: e.source, contacts: e.contacts, held: e.held });
  }
  rows.sort((a, b) => b.held - a.held || b.contacts - a.contacts || a.code.localeCompare(b.code));
  body.replaceChildren(...rows.map((r) => {
    const row = el("tr", { "data-counterpart": r.code, class: r.code === state.other ? "focus" : null },
      el("td", {}, label(r.code)), el("td", {}, r.contacts), el("td", {}, r.held));
    row.addEventListener("click", () => setFilter({ other: r.code }));
    return row;
  }));
}

// ---- quotes (GET /quotes with the same filters)

function renderQuotes(body) {
  const list = document.getElementById("quotes");
  const quotes = body.quotes || [];
  list.replaceChildren(...quotes.map((q) => {
    const speaker = [q.speaker || "unknown speaker", q.speaker_country ? "(" + label(q.speaker_country) + ")" : "",
      q.speaker_role || ""].filter(Boolean).join(" ");
    return el("li", { "data-event-id": q.event_id },
      el("span", { class: "speaker" }, speaker + " · " + (q.type || "") + (q.day ? " · " + q.day : "")), "“" + q.text + "”");
  }));
  document.getElementById("quote-count").textContent = String(body.count || 0);
  document.getElementById("quotes-empty").hidden = quotes.length > 0;
}

// ---- latest meetings (live, by server-sent events), shown under the same filters

function meetingDay(m) {
  return m.date || (m.article && m.article.published ? String(m.article.published).slice(0, 10) : "");
}

function matches(m) {
  const cs = m.countries || [];
  if (state.country && !cs.includes(state.country)) return false;
  if (state.other && !cs.includes(state.other)) return false;
  if (state.kind && m.kind !== state.kind) return false;
  if (state.status && m.status !== state.status) return false;
  const day = meetingDay(m);
  if ((state.from || state.to) && !day) return false;
  if (state.from && day < state.from) return false;
  if (state.to && day > state.to) return false;
  return true;
}

function newestFirst(map) {
  return [...map.values()].sort((a, b) => String(b.extracted_at).localeCompare(String(a.extracted_at)));
}

function trim(map) {
  for (const event of newestFirst(map).slice(MAX_ROWS * 4)) map.delete(event.event_id);
}

function articleCell(article) {
  const text = article.title || article.source || article.id;
  const href = article.url ? safeHref(article.url) : null;
  const link = href ? el("a", { href, rel: "noopener noreferrer", target: "_blank" }, text) : el("span", {}, text);
  return el("td", { class: "article" }, link, article.published ? el("div", { class: "note" }, article.published) : null);
}

function meetingRow(m, fresh) {
  const who = (m.participants || []).map((p) => p.name + (p.country ? " (" + p.country + ")" : "")).join(", ");
  const when = m.date || m.date_period || m.date_text || "";
  const where = [m.location, m.location_country].filter(Boolean).join(", ");
  const countries = m.countries || [];
  return el("tr", { "data-event-id": m.event_id, class: fresh ? "fresh" : null },
    el("td", {}, when),
    el("td", { class: "countries", title: countries.map(label).join(" – ") }, countries.join(" – ")),
    el("td", {}, el("span", { class: "badge " + m.status }, m.status), el("span", { class: "badge" }, m.kind),
      el("span", { class: "badge code", title: "CAMEO " + (m.cameo_name || "") }, m.cameo_code || "")),
    el("td", {}, who),
    el("td", {}, where),
    el("td", { class: "evidence" }, m.evidence),
    articleCell(m.article || {}));
}

function renderMeetings(freshId) {
  const shown = newestFirst(meetings).filter(matches).slice(0, MAX_ROWS);
  document.querySelector("#meetings tbody").replaceChildren(...shown.map((m) => meetingRow(m, m.event_id === freshId)));
  document.getElementById("meeting-count").textContent = String(shown.length);
  document.getElementById("meetings-empty").hidden = shown.length > 0;
}

function connect() {
  const status = document.getElementById("status");
  const source = new EventSource("/dashboard/events");
  source.onopen = () => { status.textContent = "live"; status.className = "status live"; };
  source.onerror = () => { status.textContent = "reconnecting…"; status.className = "status down"; };
  source.addEventListener("meeting", (e) => {
    const m = JSON.parse(e.data);
    meetings.set(m.event_id, m);
    trim(meetings);
    renderMeetings(m.event_id);
    refreshSoon();
  });
  source.addEventListener("quote", () => refreshSoon());
  source.addEventListener("retraction", (e) => {
    const r = JSON.parse(e.data);
    if (meetings.delete(r.event_id)) renderMeetings();
    refreshSoon();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const bind = (id, name) => document.getElementById(id).addEventListener("change", (ev) => {
    const change = { [name]: ev.target.value };
    if (name === "country") change.other = "";
    setFilter(change);
  });
  bind("country", "country");
  bind("other", "other");
  bind("kind", "kind");
  bind("status-filter", "status");
  bind("from", "from");
  bind("to", "to");
  bind("period", "period");
  document.getElementById("clear").addEventListener("click", () => setFilter({ country: "", other: "", kind: "", status: "", from: "", to: "", period: "month" }));
  window.addEventListener("popstate", () => { state = readUrl(); refreshNow(); });
  renderMeetings();
  refreshNow();
  setInterval(refreshNow, 30000);
  connect();
});
