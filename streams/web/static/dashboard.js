// Parley's live dashboard. No framework and no build step: the worker serves this file as it is.
// Everything an article contributes (evidence, titles, names, quotes) is untrusted: it only ever enters the page
// through text nodes (el() below and textContent), never through innerHTML, and the page's Content-Security-Policy
// forbids inline scripts as a second wall.
"use strict";

const MAX_ROWS = 50;
const meetings = new Map(); // event_id -> meeting event (the latest record per event_id: delivery is at-least-once)
const quotes = new Map();
let api = null; // "tables" once /countries answers; else the table and matrix come from the events seen here

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
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

function newestFirst(map) {
  return [...map.values()].sort((a, b) => String(b.extracted_at).localeCompare(String(a.extracted_at)));
}

function trim(map) {
  for (const event of newestFirst(map).slice(MAX_ROWS)) map.delete(event.event_id);
}

function articleCell(article) {
  const label = article.title || article.source || article.id;
  const href = article.url ? safeHref(article.url) : null;
  const link = href ? el("a", { href, rel: "noopener noreferrer", target: "_blank" }, label) : el("span", {}, label);
  return el("td", { class: "article" }, link, article.published ? el("div", { class: "note" }, article.published) : null);
}

function meetingRow(m, fresh) {
  const who = (m.participants || []).map((p) => p.name + (p.country ? " (" + p.country + ")" : "")).join(", ");
  const when = m.date || m.date_period || m.date_text || "";
  const where = [m.location, m.location_country].filter(Boolean).join(", ");
  return el("tr", { "data-event-id": m.event_id, class: fresh ? "fresh" : null },
    el("td", {}, when),
    el("td", { class: "countries" }, (m.countries || []).join(" – ")),
    el("td", {}, el("span", { class: "badge " + m.status }, m.status), el("span", { class: "badge" }, m.kind),
      el("span", { class: "badge code", title: "CAMEO " + (m.cameo_name || "") }, m.cameo_code || "")),
    el("td", {}, who),
    el("td", {}, where),
    el("td", { class: "evidence" }, m.evidence),
    articleCell(m.article || {}));
}

function quoteItem(q, fresh) {
  const speaker = [q.speaker || "unknown speaker", q.speaker_country ? "(" + q.speaker_country + ")" : "",
    q.speaker_role || ""].filter(Boolean).join(" ");
  return el("li", { "data-event-id": q.event_id, class: fresh ? "fresh" : null },
    el("span", { class: "speaker" }, speaker + " · " + q.type), "“" + q.text + "”");
}

function renderMeetings(freshId) {
  const body = document.querySelector("#meetings tbody");
  body.replaceChildren(...newestFirst(meetings).map((m) => meetingRow(m, m.event_id === freshId)));
  document.getElementById("meeting-count").textContent = String(meetings.size);
  document.getElementById("meetings-empty").hidden = meetings.size > 0;
}

function renderQuotes(freshId) {
  const list = document.getElementById("quotes");
  list.replaceChildren(...newestFirst(quotes).map((q) => quoteItem(q, q.event_id === freshId)));
  document.getElementById("quote-count").textContent = String(quotes.size);
  document.getElementById("quotes-empty").hidden = quotes.size > 0;
}

// ---- contact table and matrix: from the tables API when it answers, else from the meetings seen on this page

function contactsFromEvents() {
  const rows = new Map(); // "A|B" -> {held:Set, planned:Set, articles:Set, sources:Set, last}
  for (const m of meetings.values()) {
    const cs = [...new Set(m.countries || [])];
    for (const a of cs) {
      for (const b of cs) {
        if (a === b) continue;
        const key = a + "|" + b;
        if (!rows.has(key)) rows.set(key, { held: new Set(), planned: new Set(), articles: new Set(), sources: new Set(), last: "" });
        const r = rows.get(key);
        if (m.status === "held") r.held.add(m.event_id);
        if (m.status === "planned") r.planned.add(m.event_id);
        r.articles.add((m.article || {}).id);
        if ((m.article || {}).source) r.sources.add(m.article.source);
        if (m.status === "held" && m.date && m.date > r.last) r.last = m.date;
      }
    }
  }
  return rows;
}

function countriesSeen() {
  const all = new Set();
  for (const m of meetings.values()) for (const c of m.countries || []) all.add(c);
  return [...all].sort();
}

async function fetchJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(path + ": " + response.status);
  return response.json();
}

function listOf(value, ...names) {
  if (Array.isArray(value)) return value;
  for (const name of names) if (value && Array.isArray(value[name])) return value[name];
  if (value && typeof value === "object") {
    for (const name of names) {
      if (value[name] && typeof value[name] === "object") {
        return Object.entries(value[name]).map(([code, row]) => Object.assign({ code }, row));
      }
    }
  }
  return [];
}

function codeOf(row) {
  return row.code || row.country || row.counterpart || row.other || "";
}

function num(row, ...names) {
  for (const name of names) if (typeof row[name] === "number") return row[name];
  return 0;
}

async function apiCountries() {
  try {
    const rows = listOf(await fetchJson("/countries"), "countries", "items");
    api = "tables";
    return rows.map(codeOf).filter(Boolean);
  } catch (_) {
    api = null;
    return [];
  }
}

async function apiContacts(code) {
  const body = await fetchJson("/countries/" + encodeURIComponent(code));
  return listOf(body, "counterparts", "contacts").map((r) => ({
    code: codeOf(r),
    held: num(r, "held", "held_contacts"),
    planned: num(r, "planned", "planned_contacts"),
    mentions: num(r, "mentions"),
    sources: num(r, "sources"),
    last: r.last_contact_date || "",
  }));
}

function eventContacts(code) {
  const out = [];
  for (const [key, r] of contactsFromEvents()) {
    const [a, b] = key.split("|");
    if (a === code) out.push({ code: b, held: r.held.size, planned: r.planned.size, mentions: r.articles.size, sources: r.sources.size, last: r.last });
  }
  return out;
}

async function renderContacts() {
  const code = document.getElementById("country").value;
  const body = document.querySelector("#contacts tbody");
  if (!code) {
    body.replaceChildren();
    return;
  }
  let rows;
  let source = "from the contact tables";
  try {
    if (api !== "tables") throw new Error("no tables API");
    rows = await apiContacts(code);
  } catch (_) {
    rows = eventContacts(code);
    source = "from the meetings on this page";
  }
  rows.sort((x, y) => y.held - x.held || y.mentions - x.mentions || x.code.localeCompare(y.code));
  document.getElementById("contacts-source").textContent = source;
  body.replaceChildren(...rows.map((r) => el("tr", { "data-counterpart": r.code },
    el("td", {}, r.code), el("td", {}, r.held), el("td", {}, r.planned), el("td", {}, r.mentions),
    el("td", {}, r.sources), el("td", {}, r.last || "–"))));
}

async function renderMatrix() {
  let codes = countriesSeen();
  const cells = new Map();
  let source = "meetings on this page";
  if (api === "tables") {
    try {
      const apiCodes = (await apiCountries()).slice(0, 15);
      for (const a of apiCodes) {
        for (const r of await apiContacts(a)) cells.set(a + "|" + r.code, r.held + r.planned);
      }
      codes = apiCodes;
      source = "contact tables";
    } catch (_) {
      cells.clear();
    }
  }
  if (source !== "contact tables") {
    for (const [key, r] of contactsFromEvents()) cells.set(key, r.held.size + r.planned.size);
    codes = codes.slice(0, 15);
  }
  document.getElementById("matrix-source").textContent = "(" + source + ")";
  const matrix = document.getElementById("matrix");
  matrix.tHead.replaceChildren(el("tr", {}, el("th", {}, ""), ...codes.map((c) => el("th", { scope: "col" }, c))));
  matrix.tBodies[0].replaceChildren(...codes.map((a) => el("tr", {}, el("th", { class: "row", scope: "row" }, a),
    ...codes.map((b) => {
      const n = a === b ? null : cells.get(a + "|" + b) || 0;
      return el("td", { class: n ? "hot" : "n0", "data-pair": a + "|" + b, title: a + " – " + b }, n === null ? "·" : n);
    }))));
}

async function refreshCountries() {
  const select = document.getElementById("country");
  const chosen = select.value;
  const codes = [...new Set([...(await apiCountries()), ...countriesSeen()])].sort();
  const options = [el("option", { value: "" }, "choose a country"), ...codes.map((c) => el("option", { value: c }, c))];
  select.replaceChildren(...options);
  select.value = codes.includes(chosen) ? chosen : (codes[0] || "");
}

let refreshTimer = null;
function refreshTablesSoon() {
  // Events can arrive in bursts: recompute the table and the matrix at most every 1.5 s.
  if (refreshTimer) return;
  refreshTimer = setTimeout(async () => {
    refreshTimer = null;
    await refreshCountries();
    await renderContacts();
    await renderMatrix();
  }, 1500);
}

// ---- the live feed

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
    refreshTablesSoon();
  });
  source.addEventListener("quote", (e) => {
    const q = JSON.parse(e.data);
    quotes.set(q.event_id, q);
    trim(quotes);
    renderQuotes(q.event_id);
  });
  source.addEventListener("retraction", (e) => {
    const r = JSON.parse(e.data);
    if (meetings.delete(r.event_id)) { renderMeetings(); refreshTablesSoon(); }
    if (quotes.delete(r.event_id)) renderQuotes();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("country").addEventListener("change", renderContacts);
  renderMeetings();
  renderQuotes();
  refreshTablesSoon();
  connect();
});
