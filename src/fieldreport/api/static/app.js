// fieldreport web page: map, timeline, table and incident view over the JSON API.
//
// Everything that comes from the API (and above all article text) is untrusted: the DOM is
// built with createElement/textContent only, never innerHTML.
/* global L, topojson */

const EVENT_TYPES = [
  "Battles",
  "Violence against civilians",
  "Explosions/Remote violence",
  "Riots",
  "Protests",
  "Strategic developments",
];
const TYPE_COLORS = {
  "Battles": "#b2182b",
  "Violence against civilians": "#7b3294",
  "Explosions/Remote violence": "#e66101",
  "Riots": "#1b7837",
  "Protests": "#2166ac",
  "Strategic developments": "#4d4d4d",
};
const FIELD_LABELS = {
  sentence: "event sentence",
  event_type: "event type",
  date: "date",
  place: "place",
  actor1: "actor 1",
  actor2: "actor 2",
  fatalities: "fatalities",
  claim: "claim",
};
const LIST_LIMIT = 1000;
const DAY_MS = 86400000;

const state = {
  filters: {}, // country, event_type, actor, since, until (strings, empty = unset)
  incidents: [], // the rows on the map and in the table
  timelineRows: [], // the rows the histogram counts (same filters, no date range)
  openId: null,
  loadSeq: 0,
  incidentSeq: 0,
};

const regionNames = safeDisplayNames();

// ---------------------------------------------------------------------------------------
// Small helpers

/** createElement with attributes and children; strings become text nodes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svgEl(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

function safeDisplayNames() {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" });
  } catch {
    return null;
  }
}

function countryName(code) {
  if (!code) return "";
  try {
    return (regionNames && regionNames.of(code)) || code;
  } catch {
    return code;
  }
}

function setStatus(message, isError = false) {
  const node = document.getElementById("status");
  node.textContent = message;
  node.classList.toggle("error", isError);
}

/** GET a JSON document from the API; throws an Error carrying the API's message. */
async function fetchJSON(path, params = {}) {
  const url = new URL(path, window.location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new Error(`${response.status}: ${message}`);
  }
  return body;
}

function parseDay(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function weekStart(ms) {
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return ms - weekday * DAY_MS;
}

// ---------------------------------------------------------------------------------------
// Filters

function readFilters() {
  const form = document.getElementById("filters");
  const data = new FormData(form);
  const filters = {};
  for (const key of ["country", "event_type", "actor", "since", "until"]) {
    filters[key] = String(data.get(key) || "").trim();
  }
  return filters;
}

function writeDateInputs(since, until) {
  document.getElementById("f-since").value = since || "";
  document.getElementById("f-until").value = until || "";
}

function fillSelect(select, options) {
  const current = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const { value, label } of options) select.append(el("option", { value }, label));
  if ([...select.options].some((o) => o.value === current)) select.value = current;
}

async function loadFilterOptions() {
  let stats = { per_type: [], per_country: [] };
  try {
    stats = await fetchJSON("api/stats");
  } catch (error) {
    console.warn("stats unavailable", error);
  }
  const types = new Set(EVENT_TYPES);
  for (const row of stats.per_type || []) if (row.event_type) types.add(row.event_type);
  fillSelect(
    document.getElementById("f-type"),
    [...types].map((t) => ({ value: t, label: t })),
  );
  const countries = (stats.per_country || [])
    .map((row) => row.country)
    .filter(Boolean)
    .map((code) => ({ value: code, label: `${countryName(code)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  fillSelect(document.getElementById("f-country"), countries);
}

function setupFilters() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    applyFilters();
  });
  form.addEventListener("change", (event) => {
    if (event.target.matches("select, input[type=date]")) applyFilters();
  });
  form.addEventListener("reset", () => setTimeout(applyFilters, 0));
  let typing = null;
  document.getElementById("f-actor").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(applyFilters, 400);
  });
  document.getElementById("brush-reset").addEventListener("click", () => {
    writeDateInputs("", "");
    applyFilters();
  });
}

function applyFilters() {
  state.filters = readFilters();
  document.getElementById("brush-reset").disabled = !(state.filters.since || state.filters.until);
  loadIncidents();
}

// ---------------------------------------------------------------------------------------
// Loading incidents

async function loadIncidents() {
  const seq = ++state.loadSeq;
  const { since, until, ...rest } = state.filters;
  const base = { ...rest, sort: "-date", limit: LIST_LIMIT };
  setStatus("Loading incidents…");
  try {
    const dated = since || until;
    const [all, shown] = await Promise.all([
      fetchJSON("api/incidents", base),
      dated ? fetchJSON("api/incidents", { ...base, since, until }) : null,
    ]);
    if (seq !== state.loadSeq) return; // a newer request has been made
    const current = shown || all;
    state.timelineRows = all.data;
    state.incidents = current.data;
    renderTimeline();
    renderMarkers();
    renderTable(current.count);
    const more = current.count > current.data.length ? ` (showing the first ${current.data.length})` : "";
    setStatus(`${current.count} incident${current.count === 1 ? "" : "s"}${more}.`);
  } catch (error) {
    if (seq !== state.loadSeq) return;
    setStatus(`Could not load incidents — ${error.message}`, true);
  }
}

// ---------------------------------------------------------------------------------------
// Map

let map = null;
let cluster = null;
let markerBounds = null; // what the map was last fitted to
let autoFit = true; // until the person moves the map, keep the markers in view

function fitMarkers(animate = true) {
  if (markerBounds) map.fitBounds(markerBounds, { maxZoom: 7, animate });
}

function initMap() {
  map = L.map("map", {
    worldCopyJump: true,
    trackResize: false, // the ResizeObserver below sees window and layout changes alike
    minZoom: 2,
    maxZoom: 12,
    attributionControl: true,
  }).setView([14, 2], 4);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Borders: Natural Earth (world-atlas)");
  map.createPane("countries").style.zIndex = 200;
  cluster = L.markerClusterGroup({
    maxClusterRadius: 40,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
  });
  map.addLayer(cluster);
  // the map's box changes when the incident view opens beside it
  let resizing = null;
  new ResizeObserver(() => {
    map.invalidateSize({ pan: false });
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      if (autoFit) fitMarkers(false);
    }, 100);
  }).observe(document.getElementById("map"));
  map.on("dragstart", () => { autoFit = false; });
  map.getContainer().addEventListener("wheel", () => { autoFit = false; }, { passive: true });
  loadCountries();
}

async function loadCountries() {
  try {
    const response = await fetch("vendor/world-atlas/countries-110m.json");
    const topo = await response.json();
    const shapes = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(shapes, {
      pane: "countries",
      interactive: false,
      style: { color: "#8a8f98", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(map);
  } catch (error) {
    console.warn("country outlines unavailable", error);
  }
}

function markerRadius(fatalities) {
  return Math.min(26, 5 + 3 * Math.sqrt(Math.max(0, fatalities || 0)));
}

function renderMarkers() {
  cluster.clearLayers();
  const markers = [];
  for (const row of state.incidents) {
    if (row.latitude === null || row.longitude === null) continue;
    const color = TYPE_COLORS[row.event_type] || "#4d4d4d";
    const marker = L.circleMarker([row.latitude, row.longitude], {
      radius: markerRadius(row.fatalities),
      color: "#222",
      weight: 1,
      fillColor: color,
      fillOpacity: 0.75,
      className: "incident-marker",
    });
    marker.incidentId = row.id;
    const where = row.location || countryName(row.country) || "unknown place";
    marker.bindTooltip(`${row.date || "undated"} · ${row.event_type} · ${where} · ${row.fatalities} killed`);
    marker.on("click", () => openIncident(row.id));
    markers.push(marker);
  }
  cluster.addLayers(markers);
  const node = document.getElementById("map");
  node.dataset.markers = String(markers.length);
  node.dataset.unlocated = String(state.incidents.length - markers.length);
  markerBounds = markers.length ? L.featureGroup(markers).getBounds().pad(0.3) : null;
  fitMarkers();
}

// ---------------------------------------------------------------------------------------
// Timeline: a histogram with a brush

const timeline = { buckets: [], unit: "week", x0: 0, width: 0, start: 0, end: 0, drag: null };

function timelineBuckets(rows) {
  const days = rows.filter((r) => r.date).map((r) => parseDay(r.date));
  if (!days.length) return { unit: "week", buckets: [] };
  const first = Math.min(...days);
  const last = Math.max(...days);
  const unit = last - first > 120 * DAY_MS ? "week" : "day";
  const step = unit === "week" ? 7 * DAY_MS : DAY_MS;
  const key = unit === "week" ? weekStart : (ms) => ms;
  const start = key(first);
  const counts = new Map();
  for (const day of days) counts.set(key(day), (counts.get(key(day)) || 0) + 1);
  const buckets = [];
  for (let t = start; t <= key(last); t += step) {
    buckets.push({ start: t, end: t + step - DAY_MS, count: counts.get(t) || 0 });
  }
  return { unit, buckets };
}

function renderTimeline() {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const { unit, buckets } = timelineBuckets(state.timelineRows);
  const width = svg.clientWidth || 600;
  const height = svg.clientHeight || 120;
  const pad = { left: 28, right: 8, top: 8, bottom: 22 };
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  Object.assign(timeline, { unit, buckets, x0: pad.left, width: width - pad.left - pad.right });
  document.getElementById("timeline-hint").textContent = buckets.length
    ? `Incidents per ${unit}. Drag across the bars to select a date range.`
    : "No dated incidents.";
  if (!buckets.length) return;
  timeline.start = buckets[0].start;
  timeline.end = buckets[buckets.length - 1].end + DAY_MS;
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const plotH = height - pad.top - pad.bottom;
  const barW = timeline.width / buckets.length;
  const { since, until } = state.filters;
  // axis: max label and baseline
  svg.append(svgEl("line", { x1: pad.left, x2: width - pad.right, y1: pad.top + plotH, y2: pad.top + plotH, class: "axis" }));
  const maxLabel = svgEl("text", { x: pad.left - 4, y: pad.top + 8, class: "tick", "text-anchor": "end" });
  maxLabel.textContent = String(max);
  maxLabel.append(Object.assign(svgEl("title"), { textContent: `${max} incidents in the busiest ${unit}` }));
  svg.append(maxLabel);
  buckets.forEach((b, i) => {
    const h = (b.count / max) * plotH;
    const inRange = (!since || isoDay(b.end) >= since) && (!until || isoDay(b.start) <= until);
    const rect = svgEl("rect", {
      x: pad.left + i * barW + 0.5,
      y: pad.top + plotH - h,
      width: Math.max(1, barW - 1),
      height: h,
      class: `bar${inRange ? "" : " out"}`,
    });
    const title = svgEl("title");
    title.textContent = `${unit === "week" ? "week of " : ""}${isoDay(b.start)}: ${b.count} incident${b.count === 1 ? "" : "s"}`;
    rect.append(title);
    svg.append(rect);
  });
  for (const label of axisLabels(buckets, barW)) {
    const text = svgEl("text", { x: pad.left + label.i * barW, y: height - 6, class: "tick" });
    text.textContent = label.text;
    svg.append(text);
  }
  if (since || until) drawBrush(svg, dayToX(since ? parseDay(since) : timeline.start),
    dayToX(until ? parseDay(until) + DAY_MS : timeline.end), pad.top, plotH);
}

function axisLabels(buckets, barW) {
  const every = Math.max(1, Math.ceil(80 / barW));
  const out = [];
  for (let i = 0; i < buckets.length; i += every) out.push({ i, text: isoDay(buckets[i].start) });
  return out;
}

function dayToX(ms) {
  const f = (ms - timeline.start) / (timeline.end - timeline.start);
  return timeline.x0 + Math.max(0, Math.min(1, f)) * timeline.width;
}

function xToDay(x) {
  const f = Math.max(0, Math.min(1, (x - timeline.x0) / timeline.width));
  return timeline.start + f * (timeline.end - timeline.start);
}

function drawBrush(svg, xa, xb, top, h) {
  let brush = svg.querySelector("rect.brush");
  if (!brush) {
    brush = svgEl("rect", { class: "brush" });
    svg.append(brush);
  }
  brush.setAttribute("x", Math.min(xa, xb));
  brush.setAttribute("width", Math.max(1, Math.abs(xb - xa)));
  brush.setAttribute("y", top || 0);
  brush.setAttribute("height", h || svg.viewBox.baseVal.height);
}

function svgX(svg, event) {
  const box = svg.getBoundingClientRect();
  const scale = svg.viewBox.baseVal.width ? svg.viewBox.baseVal.width / box.width : 1;
  return (event.clientX - box.left) * scale;
}

function setupBrush() {
  const svg = document.getElementById("timeline");
  svg.addEventListener("pointerdown", (event) => {
    if (!timeline.buckets.length) return;
    svg.setPointerCapture(event.pointerId);
    timeline.drag = { from: svgX(svg, event) };
    drawBrush(svg, timeline.drag.from, timeline.drag.from, 8, svg.viewBox.baseVal.height - 30);
  });
  svg.addEventListener("pointermove", (event) => {
    if (!timeline.drag) return;
    drawBrush(svg, timeline.drag.from, svgX(svg, event), 8, svg.viewBox.baseVal.height - 30);
  });
  const finish = (event) => {
    if (!timeline.drag) return;
    const from = timeline.drag.from;
    const to = svgX(svg, event);
    timeline.drag = null;
    if (Math.abs(to - from) < 3) {
      renderTimeline(); // a click, not a drag: keep the current range
      return;
    }
    const a = xToDay(Math.min(from, to));
    const b = xToDay(Math.max(from, to));
    writeDateInputs(isoDay(Math.floor(a / DAY_MS) * DAY_MS), isoDay(Math.ceil(b / DAY_MS) * DAY_MS - DAY_MS));
    applyFilters();
  };
  svg.addEventListener("pointerup", finish);
  svg.addEventListener("pointercancel", () => {
    timeline.drag = null;
    renderTimeline();
  });
  let width = svg.clientWidth;
  new ResizeObserver(() => {
    if (svg.clientWidth !== width && !timeline.drag) {
      width = svg.clientWidth;
      renderTimeline();
    }
  }).observe(svg);
}

// ---------------------------------------------------------------------------------------
// Table

function actorsText(row) {
  return [row.actor1, row.actor2].filter(Boolean).join(" vs ");
}

function locationText(row) {
  return [row.location, row.admin1, countryName(row.country)].filter(Boolean).join(", ") || "—";
}

function renderTable(count) {
  const body = document.querySelector("#incidents-table tbody");
  body.replaceChildren();
  document.getElementById("table-count").textContent = `(${count})`;
  if (!state.incidents.length) {
    body.append(el("tr", {}, el("td", { colspan: 6, class: "empty" }, "No incident matches these filters.")));
    return;
  }
  for (const row of state.incidents) {
    const open = () => openIncident(row.id);
    const tr = el(
      "tr",
      { dataset: { id: row.id, type: row.event_type }, onclick: open, class: row.id === state.openId ? "selected" : "" },
      el("td", {}, el("button", { type: "button", class: "linklike", "aria-label": `Open incident of ${row.date || "unknown date"} at ${locationText(row)}`, onclick: (e) => { e.stopPropagation(); open(); } }, row.date || "undated")),
      el("td", {}, el("span", { class: "swatch", style: `background:${TYPE_COLORS[row.event_type] || "#4d4d4d"}`, "aria-hidden": "true" }), row.event_type),
      el("td", {}, locationText(row)),
      el("td", {}, actorsText(row)),
      el("td", { class: "num", title: `low ${row.fatalities_low} · best ${row.fatalities_best} · high ${row.fatalities_high}` }, String(row.fatalities)),
      el("td", { class: "num" }, String(row.reports)),
    );
    body.append(tr);
  }
}

// ---------------------------------------------------------------------------------------
// Incident view

async function openIncident(id, { pushHash = true } = {}) {
  const seq = ++state.incidentSeq;
  state.openId = id;
  for (const tr of document.querySelectorAll("#incidents-table tbody tr")) {
    tr.classList.toggle("selected", tr.dataset.id === id);
  }
  if (pushHash && window.location.hash !== `#incident=${encodeURIComponent(id)}`) {
    history.replaceState(null, "", `#incident=${encodeURIComponent(id)}`);
  }
  const section = document.getElementById("incident");
  const body = document.getElementById("incident-body");
  section.hidden = false;
  document.body.classList.add("incident-open");
  document.getElementById("incident-title").textContent = "Loading incident…";
  body.replaceChildren();
  let incident;
  try {
    incident = await fetchJSON(`api/incidents/${encodeURIComponent(id)}`);
  } catch (error) {
    if (seq !== state.incidentSeq) return;
    document.getElementById("incident-title").textContent = "Incident not available";
    body.append(el("p", { class: "error" }, error.message));
    return;
  }
  if (seq !== state.incidentSeq) return;
  renderIncident(incident, body);
  section.focus({ preventScroll: true });
  section.scrollIntoView({ block: "start", behavior: "smooth" });
  await renderReports(incident, body, seq);
}

function closeIncident() {
  state.openId = null;
  state.incidentSeq++;
  document.getElementById("incident").hidden = true;
  document.body.classList.remove("incident-open");
  for (const tr of document.querySelectorAll("#incidents-table tbody tr.selected")) tr.classList.remove("selected");
  history.replaceState(null, "", window.location.pathname + window.location.search);
}

function renderIncident(incident, body) {
  document.getElementById("incident-title").textContent =
    `${incident.event_type}${incident.sub_event_type ? ` — ${incident.sub_event_type}` : ""}`;
  body.append(
    el("p", { class: "incident-id" }, "Incident ", el("code", {}, incident.id)),
    renderFacts(incident),
    el("h3", {}, "Claims"),
    renderClaims(incident.claims || []),
    el("h3", {}, "Revisions"),
    renderRevisions(incident.revisions || []),
  );
}

function dateText(date) {
  if (!date) return "unknown";
  const range = date.start && date.end && date.start !== date.end ? ` (${date.start} to ${date.end})` : "";
  return `${date.date}${range}`;
}

function placeText(place) {
  if (!place) return "unknown";
  return [place.name, place.admin2, place.admin1, place.country_name || countryName(place.country)]
    .filter((part, i, all) => part && all.indexOf(part) === i)
    .join(", ");
}

/** One fact row linked to the evidence marks of ``field`` in the report texts. */
function factRow(field, label, value, detail) {
  const row = el(
    "div",
    { class: "fact", dataset: { field }, tabindex: 0, title: `Show the words that support the ${FIELD_LABELS[field] || field}` },
    el("dt", {}, el("span", { class: `key field-${field}`, "aria-hidden": "true" }), label),
    el("dd", {}, value, detail ? el("span", { class: "detail" }, detail) : null),
  );
  const on = () => highlightField(field, true);
  const off = () => highlightField(field, false);
  row.addEventListener("mouseenter", on);
  row.addEventListener("mouseleave", off);
  row.addEventListener("focus", on);
  row.addEventListener("blur", off);
  row.addEventListener("click", () => scrollToField(field));
  row.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      scrollToField(field);
    }
  });
  return row;
}

function actorText(roles, role) {
  return roles.filter((r) => r.role === role).map((r) => r.actor.name + (r.actor.inter_name ? ` (${r.actor.inter_name})` : "")).join("; ") || "—";
}

function renderFacts(incident) {
  const actors = incident.actors || [];
  const f = incident.fatalities || {};
  const place = incident.place;
  return el(
    "dl",
    { class: "facts" },
    factRow("event_type", "Type", `${incident.event_type}`, incident.sub_event_type),
    factRow("date", "Date", dateText(incident.date), incident.date && incident.date.basis ? `how: ${incident.date.basis}` : null),
    factRow("place", "Place", placeText(place), place ? `${place.lat.toFixed(3)}, ${place.lon.toFixed(3)} · geo precision ${place.precision}` : null),
    factRow("actor1", "Actor 1", actorText(actors, "actor1")),
    factRow("actor2", "Actor 2", actorText(actors, "actor2")),
    factRow("fatalities", "Fatalities", `${f.acled ?? 0} (low ${f.low ?? 0} · best ${f.best ?? 0} · high ${f.high ?? 0})`, f.rule || null),
    el("div", { class: "fact" }, el("dt", {}, "Outlets"), el("dd", {}, (incident.outlets || []).join("; ") || "—")),
  );
}

function claimKey(span) {
  return span ? `${span.start}:${span.end}:${span.text}` : "";
}

function renderClaims(claims) {
  if (!claims.length) return el("p", { class: "muted" }, "No casualty claims in the reports.");
  const rows = claims.map((c) => {
    const claimant = c.claimant ? c.claimant.name : c.claimant_text || "the report itself";
    const said = c.claimant && c.claimant_text && c.claimant_text !== c.claimant.name ? c.claimant_text : null;
    const max = c.killed_max === null || c.killed_max === undefined ? (c.killed_min === null || c.killed_min === undefined ? "—" : "open") : String(c.killed_max);
    const tr = el(
      "tr",
      { dataset: { claim: claimKey(c.evidence) }, tabindex: 0 },
      el("td", {}, claimant, said ? el("span", { class: "detail" }, `“${said}”`) : null),
      el("td", {}, c.claimant_kind || "—"),
      el("td", {}, (c.reported_by || []).join("; ") || "—"),
      el("td", { class: "num" }, c.killed_min === null || c.killed_min === undefined ? "—" : String(c.killed_min)),
      el("td", { class: "num" }, max),
      el("td", {}, c.phrase ? el("strong", {}, c.phrase) : null, c.evidence ? el("q", {}, c.evidence.text) : null),
    );
    const key = claimKey(c.evidence);
    tr.addEventListener("mouseenter", () => highlightClaim(key, true));
    tr.addEventListener("mouseleave", () => highlightClaim(key, false));
    tr.addEventListener("focus", () => highlightClaim(key, true));
    tr.addEventListener("blur", () => highlightClaim(key, false));
    return tr;
  });
  return el(
    "table",
    { class: "claims" },
    el("caption", {}, "Who says how many were killed"),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col" }, "Claimant"),
      el("th", { scope: "col" }, "Kind"),
      el("th", { scope: "col" }, "Relayed by"),
      el("th", { scope: "col", class: "num" }, "Killed min"),
      el("th", { scope: "col", class: "num" }, "Killed max"),
      el("th", { scope: "col" }, "Phrase / quote"))),
    el("tbody", {}, rows),
  );
}

function renderRevisions(revisions) {
  if (!revisions.length) return el("p", { class: "muted" }, "No revisions: later reports changed nothing.");
  return el(
    "ol",
    { class: "revisions" },
    revisions.map((r) =>
      el(
        "li",
        {},
        el("span", { class: "when" }, String(r.at || "").replace("T", " ").slice(0, 16)),
        " report ",
        el("code", {}, r.article_id),
        el("ul", {}, Object.entries(r.changes || {}).map(([field, change]) => {
          const [before, after] = Array.isArray(change) ? change : ["", change];
          return el("li", {}, el("strong", {}, field), ": ", el("del", {}, String(before || "∅")), " → ", el("ins", {}, String(after || "∅")));
        })),
      )),
  );
}

// ---------------------------------------------------------------------------------------
// Reports with highlighted evidence

async function renderReports(incident, body, seq) {
  const section = el("section", { class: "reports", "aria-label": "Reports" }, el("h3", {}, "Reports"), legend());
  body.append(section);
  const articleIds = incident.article_ids || [...new Set((incident.mentions || []).map((m) => m.article.id))];
  for (const articleId of articleIds) {
    const holder = el("article", { class: "report", dataset: { article: articleId } }, el("p", { class: "muted" }, "Loading report…"));
    section.append(holder);
    try {
      const article = await fetchJSON(`api/articles/${encodeURIComponent(articleId)}`);
      if (seq !== state.incidentSeq) return;
      const ids = new Set(incident.mention_ids || []);
      let mentions = (incident.mentions || []).filter((m) => m.article && m.article.id === articleId);
      if (!mentions.length) mentions = (article.mentions || []).filter((m) => ids.has(m.mention_id));
      holder.replaceChildren(...renderReport(article, mentions));
    } catch (error) {
      if (seq !== state.incidentSeq) return;
      holder.replaceChildren(el("p", { class: "error" }, `Report ${articleId} not available — ${error.message}`));
    }
  }
}

function legend() {
  return el(
    "p",
    { class: "legend" },
    "Highlighted: ",
    ["date", "place", "event_type", "actor1", "actor2", "fatalities", "claim"].map((field) =>
      el("span", { class: `legend-item field-${field}` }, FIELD_LABELS[field])),
  );
}

function safeLink(url) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank" }, url);
    }
  } catch {
    /* not a URL: shown as text */
  }
  return el("span", {}, url);
}

function renderReport(article, mentions) {
  const meta = [article.outlet, article.published].filter(Boolean).join(" · ");
  return [
    el("h4", {}, article.title || article.id),
    el("p", { class: "report-meta" }, meta, article.url ? [" · ", safeLink(article.url)] : null),
    el("div", { class: "report-text", dataset: { article: article.id } }, highlightText(article.text || "", spansOf(mentions))),
  ];
}

/** Every evidence span of the mentions, as {start, end, field, label, claim?}. */
function spansOf(mentions) {
  const spans = [];
  const add = (span, field, label, extra = {}) => {
    if (!span || typeof span.start !== "number" || typeof span.end !== "number" || span.end <= span.start) return;
    spans.push({ start: span.start, end: span.end, field, label, ...extra });
  };
  for (const m of mentions) {
    add(m.sentence, "sentence", "the sentence that reports the event");
    for (const [field, span] of Object.entries(m.evidence || {})) add(span, field, `${FIELD_LABELS[field] || field}: ${span.text}`);
    for (const role of m.actors || []) add(role.evidence, role.role, `${FIELD_LABELS[role.role] || role.role}: ${role.actor.name}`);
    for (const c of m.claims || []) {
      const who = c.claimant ? c.claimant.name : c.claimant_text || "the report";
      add(c.evidence, "claim", `claim by ${who}: ${c.phrase || c.evidence.text}`, { claim: claimKey(c.evidence) });
    }
  }
  return spans;
}

/** Turn possibly overlapping spans into a properly nested tree (overlaps are split). */
function nestSpans(spans, length) {
  const queue = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(length, s.end), children: [] }))
    .filter((s) => s.end > s.start);
  const order = (a, b) => a.start - b.start || b.end - a.end;
  queue.sort(order);
  const root = { start: 0, end: length, children: [] };
  const stack = [root];
  while (queue.length) {
    const span = queue.shift();
    while (stack.length > 1 && stack[stack.length - 1].end <= span.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (span.end > parent.end) {
      // crosses the parent's end: keep the inside part here, queue the rest
      const rest = { ...span, start: parent.end, children: [] };
      span.end = parent.end;
      const at = queue.findIndex((s) => order(rest, s) < 0);
      queue.splice(at < 0 ? queue.length : at, 0, rest);
    }
    parent.children.push(span);
    stack.push(span);
  }
  return root;
}

/** The text as DOM nodes, evidence spans wrapped in <mark data-field=...>. */
function highlightText(text, spans) {
  const build = (node, into) => {
    let at = node.start;
    for (const child of node.children) {
      if (child.start > at) into.append(document.createTextNode(text.slice(at, child.start)));
      const wrapper = child.field === "sentence"
        ? el("span", { class: "sentence", title: child.label })
        : el("mark", { class: `field-${child.field}`, dataset: { field: child.field, ...(child.claim ? { claim: child.claim } : {}) }, title: child.label });
      build(child, wrapper);
      into.append(wrapper);
      at = child.end;
    }
    if (node.end > at) into.append(document.createTextNode(text.slice(at, node.end)));
  };
  const fragment = document.createDocumentFragment();
  build(nestSpans(spans, text.length), fragment);
  return fragment;
}

function highlightField(field, on) {
  for (const mark of document.querySelectorAll(`#incident mark[data-field="${CSS.escape(field)}"]`)) {
    mark.classList.toggle("active", on);
  }
}

function highlightClaim(key, on) {
  for (const mark of document.querySelectorAll("#incident mark[data-claim]")) {
    if (mark.dataset.claim === key) mark.classList.toggle("active", on);
  }
}

function scrollToField(field) {
  const mark = document.querySelector(`#incident mark[data-field="${CSS.escape(field)}"]`);
  if (!mark) return;
  highlightField(field, true);
  mark.scrollIntoView({ block: "center", behavior: "smooth" });
  setTimeout(() => highlightField(field, false), 1600);
}

// ---------------------------------------------------------------------------------------
// Start

function incidentFromHash() {
  const match = /^#incident=(.+)$/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

async function main() {
  document.getElementById("incident-close").addEventListener("click", closeIncident);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state.openId) closeIncident();
  });
  setupFilters();
  setupBrush();
  initMap();
  await loadFilterOptions();
  state.filters = readFilters();
  await loadIncidents();
  const wanted = incidentFromHash();
  if (wanted) openIncident(wanted, { pushHash: false });
  document.body.dataset.ready = "true";
}

main();
