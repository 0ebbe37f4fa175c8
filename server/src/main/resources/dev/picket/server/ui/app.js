// Picket web UI: plain JavaScript over the REST API. Every value from the API is put on the page as
// text (never as HTML): alerts carry attacker-controlled strings.
"use strict";

const TOKEN_KEY = "picket.token";
const SEVERITIES = ["informational", "low", "medium", "high", "critical"];
const REFRESH_MS = 10000;
let refreshTimer = null;

// ---- small DOM helpers -------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function severity(word) {
  return el("span", { class: "sev sev-" + word }, word);
}

function when(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
}

function techniqueUrl(id) {
  return "https://attack.mitre.org/techniques/" + id.replace(".", "/") + "/";
}

function tacticUrl(name) {
  return "https://attack.mitre.org/tactics/" + name + "/";
}

function entityLabel(entity) {
  if (!entity) return "";
  const where = entity.workload ? entity.workload.kind.toLowerCase() + "/" + entity.workload.name
    : entity.pod ? "pod/" + entity.pod
    : entity.user ? "user " + entity.user
    : entity.node ? "node " + entity.node : "";
  return entity.namespace ? where + " in " + entity.namespace : where;
}

// ---- API ---------------------------------------------------------------------------------------

class Unauthorized extends Error {}

async function api(path, method, body) {
  const headers = { Authorization: "Bearer " + sessionStorage.getItem(TOKEN_KEY) };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method: method || "GET", headers,
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) throw new Unauthorized("the token was not accepted");
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error || response.statusText);
  return answer;
}

// ---- routing -----------------------------------------------------------------------------------

function route() {
  clearInterval(refreshTimer);
  if (!sessionStorage.getItem(TOKEN_KEY)) return showLogin();
  document.getElementById("login").hidden = true;
  document.getElementById("nav").hidden = false;
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean);
  const params = new URLSearchParams(query || "");
  const view = parts[0] || "alerts";
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.view === view);
  const render = view === "alerts" && parts[1] ? alertDetail(decodeURIComponent(parts[1]))
    : view === "alerts" ? alertList(params)
    : view === "incidents" && parts[1] ? incidentDetail(decodeURIComponent(parts[1]))
    : view === "incidents" ? incidentList()
    : view === "matrix" ? matrix(params)
    : view === "sources" ? sourceList()
    : Promise.resolve(show(el("p", {}, "No such page.")));
  render.catch(failed);
}

function show(...nodes) {
  document.getElementById("view").replaceChildren(...nodes);
}

function failed(error) {
  if (error instanceof Unauthorized) {
    sessionStorage.removeItem(TOKEN_KEY);
    showLogin("The token was not accepted.");
  } else {
    show(el("p", { class: "error", id: "error" }, "Cannot load: " + error.message));
  }
}

function showLogin(message) {
  document.getElementById("nav").hidden = true;
  document.getElementById("view").replaceChildren();
  document.getElementById("login").hidden = false;
  const error = document.getElementById("login-error");
  error.hidden = !message;
  error.textContent = message || "";
  document.getElementById("token").focus();
}

// ---- alerts ------------------------------------------------------------------------------------

const FILTERS = ["severity", "namespace", "rule", "technique", "status", "from", "to"];
const STATUSES = ["new", "acknowledged", "resolved", "false-positive"];

async function alertList(params) {
  const form = filterForm(params);
  const table = el("table", { id: "alerts" },
    el("thead", {}, el("tr", {}, ["Time", "Severity", "Alert", "Where", "ATT&CK", "Status"].map(h => el("th", {}, h)))));
  const body = el("tbody");
  table.append(body);
  const more = el("button", { id: "more", type: "button", hidden: true }, "Load more");
  const live = el("input", { type: "checkbox", id: "live", checked: params.get("live") !== "0" });
  const grouped = params.get("grouped") !== "0";
  const withSuppressed = el("input", { type: "checkbox", id: "with-suppressed", checked: params.get("suppressed") === "any",
    onchange: () => {
      const q = new URLSearchParams(params);
      if (withSuppressed.checked) q.set("suppressed", "any"); else q.delete("suppressed");
      location.hash = "#/alerts?" + q;
    } });
  const group = el("input", { type: "checkbox", id: "grouped", checked: grouped, onchange: () => {
    const q = new URLSearchParams(params);
    q.set("grouped", group.checked ? "1" : "0");
    location.hash = "#/alerts?" + q;
  } });
  show(el("h1", {}, "Alerts"), form,
    el("p", { class: "muted" }, el("label", {}, live, " refresh every 10 s"), " · ",
      el("label", {}, group, " group repeats (same rule and entity within the incident window)"), " · ",
      el("label", {}, withSuppressed, " show suppressed"), " · ",
      el("span", { id: "count" })),
    table, el("p", {}, more));

  const query = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name));
  if (grouped) query.set("grouped", "true");
  if (params.get("suppressed") === "any") query.set("suppressed", "any");
  query.set("limit", "50");
  let next = null;
  const load = async (append) => {
    const q = new URLSearchParams(query);
    if (append && next) q.set("cursor", next);
    const page = await api("/v1/alerts?" + q);
    if (!append) body.replaceChildren();
    for (const a of page.alerts) body.append(alertRow(a));
    next = page.next;
    more.hidden = !next;
    document.getElementById("count").textContent = body.children.length + (next ? "+" : "") + " alerts";
    if (!body.children.length) body.append(el("tr", {}, el("td", { colspan: 6, class: "muted" }, "No alerts match.")));
  };
  more.addEventListener("click", () => load(true).catch(failed));
  await load(false);
  const tick = () => { if (live.checked && !next) load(false).catch(failed); };
  refreshTimer = setInterval(tick, REFRESH_MS);
}

function filterForm(params) {
  const sev = el("select", { name: "severity" }, el("option", { value: "" }, "any severity"),
    SEVERITIES.map(s => el("option", { value: s, selected: params.get("severity") === s }, s + " and above")));
  const text = (name, placeholder) => el("input", { name, placeholder, value: params.get(name) || "" });
  const time = (name) => el("input", { name, type: "datetime-local", step: 1,
    value: params.get(name) ? params.get(name).replace(/Z$/, "") : "" });
  const form = el("form", { class: "filters", id: "filters" },
    el("label", {}, "Severity", sev),
    el("label", {}, "Namespace", text("namespace", "shop")),
    el("label", {}, "Rule", text("rule", "rule id")),
    el("label", {}, "Technique", text("technique", "T1609")),
    el("label", {}, "Status", el("select", { name: "status" }, el("option", { value: "" }, "any status"),
      STATUSES.map(s => el("option", { value: s, selected: params.get("status") === s }, s)))),
    el("label", {}, "From (UTC)", time("from")),
    el("label", {}, "To (UTC)", time("to")),
    el("button", { type: "submit" }, "Filter"),
    el("button", { type: "button", onclick: () => { location.hash = "#/alerts"; } }, "Clear"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (!value) continue;
      q.set(name, name === "from" || name === "to" ? new Date(value + "Z").toISOString().replace(/\.000Z$/, "Z") : value);
    }
    location.hash = "#/alerts" + (q.size ? "?" + q : "");
  });
  return form;
}

function alertRow(a) {
  const open = () => { location.hash = "#/alerts/" + encodeURIComponent(a.id); };
  return el("tr", { class: a.suppressed ? "row suppressed" : "row", onclick: open },
    el("td", {}, when(a.time)),
    el("td", {}, severity(a.severity)),
    el("td", {}, el("a", { href: "#/alerts/" + encodeURIComponent(a.id), class: "alert-title" }, a.rule.title),
      a.count > 1 ? el("span", { class: "repeats", title: "last at " + when(a.lastTime) }, " ×" + a.count) : null,
      a.suppressed ? el("span", { class: "tag suppressed-tag", title: a.suppressed.reason }, "suppressed") : null,
      el("div", { class: "muted" }, a.rule.id)),
    el("td", {}, entityLabel(a.entity)),
    el("td", {}, (a.attack.techniques || []).map(t => el("span", { class: "tag" }, t))),
    el("td", {}, el("span", { class: "status status-" + a.status }, a.status)));
}

async function alertDetail(id) {
  const a = await api("/v1/alerts/" + encodeURIComponent(id));
  const entity = a.entity || {};
  const facts = el("dl", { class: "facts" });
  const fact = (name, value) => { if (value) facts.append(el("dt", {}, name), el("dd", {}, value)); };
  fact("Time", when(a.time));
  fact("Rule", a.rule.id);
  fact("Cluster", entity.cluster);
  fact("Namespace", entity.namespace);
  fact("Workload", entity.workload && entity.workload.kind + " " + entity.workload.name);
  const labels = { pod: "Pod", container: "Container", image: "Image", node: "Node", user: "User", sourceIp: "Source IP" };
  for (const [key, label] of Object.entries(labels)) fact(label, entity[key]);
  const attack = el("div", { id: "attack" },
    (a.attack.tactics || []).map(t => el("a", { class: "tag", href: tacticUrl(t), target: "_blank", rel: "noopener" }, t)),
    (a.attack.techniques || []).map(t => el("a", { class: "tag technique", href: techniqueUrl(t), target: "_blank", rel: "noopener" }, t)));
  show(
    el("p", {}, el("a", { href: "#/alerts" }, "← Alerts")),
    el("h1", { id: "alert-title" }, a.rule.title, " ", severity(a.severity)),
    el("div", { class: "card" }, a.description ? el("p", {}, a.description) : null, facts),
    a.suppressed ? el("p", { class: "card suppressed", id: "suppressed" }, "Suppressed by “" + a.suppressed.title + "” until "
      + when(a.suppressed.expires) + ": " + a.suppressed.reason) : suppressForm(a),
    await triageCard("/v1/alerts/" + encodeURIComponent(id)),
    el("h2", {}, "ATT&CK"), attack,
    a.remediation ? el("h2", {}, "What to do") : null,
    a.remediation ? el("div", { class: "remediation", id: "remediation" }, a.remediation) : null,
    el("h2", {}, "Evidence"),
    el("p", { class: "muted" }, "The events that matched, with secrets redacted."),
    el("pre", { id: "evidence" }, JSON.stringify(a.evidence, null, 2)));
}

// ---- suppress this: a Sigma filter file for the rule and entity, with a reason and an expiry ---

const EXPIRIES = { "1d": "1 day", "7d": "7 days", "30d": "30 days", "90d": "90 days" };

function suppressForm(a) {
  const reason = el("input", { id: "suppress-reason", placeholder: "why this is known-good", size: 50 });
  const expires = el("select", { id: "suppress-expires" },
    Object.entries(EXPIRIES).map(([value, label]) => el("option", { value, selected: value === "30d" }, label)));
  const result = el("p", { id: "suppress-result", hidden: true });
  const form = el("form", { id: "suppress-form", hidden: true },
    el("label", {}, "Reason ", reason), " ", el("label", {}, "for ", expires), " ",
    el("button", { type: "submit", id: "suppress-save" }, "Write filter"));
  const open = el("button", { type: "button", id: "suppress", onclick: () => { form.hidden = false; open.hidden = true; reason.focus(); } },
    "Suppress this…");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    result.hidden = false;
    try {
      const s = await api("/v1/suppressions", "POST", { alert: a.id, reason: reason.value, expires: expires.value });
      form.hidden = true;
      result.className = "";
      result.textContent = "Suppressed until " + when(s.expires) + ": later matches are kept, flagged suppressed. Filter written to "
        + s.file;
    } catch (e) {
      if (e instanceof Unauthorized) return failed(e);
      result.className = "error";
      result.textContent = e.message;
    }
  });
  return el("div", { class: "card", id: "suppress-card" },
    el("p", { class: "muted" }, "Known-good? Suppress this rule for this entity: a filter file for the rules folder, kept in git."),
    open, form, result);
}

// ---- triage: status, assignee, comments and who changed what ----------------------------------

async function triageCard(base) {
  const card = el("div", { class: "card triage", id: "triage" });
  const render = (t) => {
    const status = el("select", { id: "triage-status" }, STATUSES.map(s => el("option", { value: s, selected: t.status === s }, s)));
    const assignee = el("input", { id: "triage-assignee", placeholder: "assignee", value: t.assignee || "" });
    const comment = el("textarea", { id: "triage-comment", placeholder: "comment", rows: 2 });
    const error = el("p", { class: "error", id: "triage-error", hidden: true });
    const form = el("form", { id: "triage-form" },
      el("label", {}, "Status ", status), " ", el("label", {}, "Assignee ", assignee), " ",
      el("button", { type: "submit", id: "triage-save" }, "Save"), el("div", {}, comment), error);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const change = { status: status.value, assignee: assignee.value };
      if (comment.value.trim()) change.comment = comment.value;
      try {
        render(await api(base, "PATCH", change));
      } catch (e) {
        if (e instanceof Unauthorized) return failed(e);
        error.hidden = false;
        error.textContent = e.message;
      }
    });
    const history = el("ol", { class: "history", id: "history" }, t.history.map(h => el("li", {},
      el("span", { class: "muted" }, when(h.time) + " · " + h.actor + " · "),
      h.field === "comment" ? el("q", {}, h.to) : h.field + ": " + (h.from || "–") + " → " + (h.to || "–"))));
    card.replaceChildren(el("h2", {}, "Triage"), form, t.history.length ? history : el("p", { class: "muted" }, "No changes yet."));
  };
  render(await api(base + "/triage"));
  return card;
}

// ---- incidents ---------------------------------------------------------------------------------

async function incidentList() {
  const page = await api("/v1/incidents?limit=200");
  const rows = page.incidents.map(i => el("tr", { class: "row", onclick: () => { location.hash = "#/incidents/" + i.id; } },
    el("td", {}, when(i.last)),
    el("td", {}, severity(i.severity)),
    el("td", {}, el("a", { href: "#/incidents/" + i.id }, i.title)),
    el("td", {}, i.tactics.map(t => el("span", { class: "tag" }, t))),
    el("td", {}, String(i.alertCount)),
    el("td", {}, when(i.first))));
  show(el("h1", {}, "Incidents"),
    el("p", { class: "muted" }, "Alerts on one workload or principal close together in time."),
    el("table", { id: "incidents" },
      el("thead", {}, el("tr", {}, ["Last activity", "Severity", "Incident", "Tactics", "Alerts", "Since"].map(h => el("th", {}, h)))),
      el("tbody", {}, rows.length ? rows : el("tr", {}, el("td", { colspan: 6, class: "muted" }, "No incidents.")))));
}

async function incidentDetail(id) {
  const i = await api("/v1/incidents/" + encodeURIComponent(id));
  show(
    el("p", {}, el("a", { href: "#/incidents" }, "← Incidents")),
    el("h1", {}, i.title, " ", severity(i.severity)),
    el("div", { class: "card" }, el("dl", { class: "facts" },
      el("dt", {}, "Entity"), el("dd", {}, entityLabel(i.entity)),
      el("dt", {}, "From"), el("dd", {}, when(i.first)),
      el("dt", {}, "To"), el("dd", {}, when(i.last)),
      el("dt", {}, "Tactics"), el("dd", {}, i.tactics.join(" → ")))),
    await triageCard("/v1/incidents/" + encodeURIComponent(id)),
    el("h2", {}, "Timeline, along the ATT&CK tactics"),
    el("ol", { class: "timeline", id: "timeline" }, i.alerts.map(a => el("li", {},
      el("span", { class: "tag" }, (a.attack.tactics || []).join(", ") || "no tactic"), " ",
      el("a", { href: "#/alerts/" + encodeURIComponent(a.id) }, a.rule.title), " ",
      severity(a.severity), " ", el("span", { class: "muted" }, when(a.time))))));
}

// ---- sources: each cluster's audit stream and each node's sensor, with its heartbeat ----------

async function sourceList() {
  const page = await api("/v1/sources");
  const rows = page.sources.map(s => el("tr", { class: s.stale ? "stale" : "" },
    el("td", {}, s.source),
    el("td", {}, s.stale ? el("span", { class: "sev sev-high" }, "stale") : "live"),
    el("td", {}, when(s.lastSeen)),
    el("td", {}, s.lagSeconds + " s")));
  show(el("h1", {}, "Sources"),
    el("p", { class: "muted" }, "A source quiet for longer than the configured time is stale and raises picket-source-silent."),
    el("table", { id: "sources" },
      el("thead", {}, el("tr", {}, ["Source", "State", "Last event", "Lag"].map(h => el("th", {}, h)))),
      el("tbody", {}, rows.length ? rows : el("tr", {}, el("td", { colspan: 4, class: "muted" }, "No source has sent anything yet.")))));
}

// ---- ATT&CK matrix -----------------------------------------------------------------------------

const PERIODS = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30, all: null };

async function matrix(params) {
  const period = PERIODS.hasOwnProperty(params.get("period")) ? params.get("period") : "7d";
  const hours = PERIODS[period];
  const from = hours ? new Date(Date.now() - hours * 3600 * 1000).toISOString() : null;
  const m = await api("/v1/attack" + (from ? "?from=" + encodeURIComponent(from) : ""));
  const select = el("select", { id: "period", onchange: (e) => { location.hash = "#/matrix?period=" + e.target.value; } },
    Object.keys(PERIODS).map(p => el("option", { value: p, selected: p === period }, p === "all" ? "all time" : "last " + p)));
  const max = Math.max(1, ...m.tactics.flatMap(t => t.techniques.map(x => x.alerts)));
  const grid = el("div", { class: "matrix", id: "matrix" });
  grid.style.gridTemplateColumns = "repeat(" + m.tactics.length + ", minmax(9rem, 1fr))";
  for (const tactic of m.tactics) {
    const column = el("div", { class: "column" }, el("div", { class: "tactic" }, tactic.name));
    for (const t of tactic.techniques.filter(x => !x.parent)) column.append(cell(t, max));
    grid.append(column);
  }
  show(el("h1", {}, "ATT&CK for Containers"),
    el("p", { class: "muted" }, "ATT&CK " + m.version + ". Each technique shows the rules that cover it; the colour and number are its alerts in the period."),
    el("p", {}, el("label", {}, "Period ", select)),
    el("div", { class: "legend" }, el("span", { class: "cell uncovered" }, "no rule"), el("span", { class: "cell covered" }, "covered, no alerts"),
      el("span", { class: "cell heat-2" }, "alerts"), el("span", { class: "cell heat-4" }, "most alerts")),
    grid);
}

function cell(t, max) {
  const heat = t.alerts === 0 ? "" : " heat-" + Math.min(4, 1 + Math.floor(3 * t.alerts / max));
  const title = t.rules.length ? "Rules: " + t.rules.join(", ") : "No rule covers this technique";
  return el("a", { class: "cell " + (t.rules.length ? "covered" : "uncovered") + heat, id: "technique-" + t.id, title,
      href: "#/alerts?technique=" + t.id + "&live=0" },
    t.alerts ? el("span", { class: "count" }, String(t.alerts)) : null,
    el("div", { class: "id" }, t.id), t.name,
    t.rules.length ? el("div", { class: "id" }, t.rules.length + (t.rules.length === 1 ? " rule" : " rules")) : null);
}

// ---- start -------------------------------------------------------------------------------------

document.getElementById("login-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, document.getElementById("token").value.trim());
  document.getElementById("token").value = "";
  if (!location.hash) location.hash = "#/alerts"; else route();
});
document.getElementById("sign-out").addEventListener("click", () => {
  sessionStorage.removeItem(TOKEN_KEY);
  route();
});
window.addEventListener("hashchange", route);
route();
