// SpaceKG review page: lists proposals, shows one with its evidence highlighted, and sends the
// reviewer's edits to POST /api/edit (JSON, with the per-run token the server put in the page).
"use strict";

const TOKEN = document.querySelector('meta[name="spacekg-token"]').content;
let current = null; // the proposal shown: the server's JSON (id, version, statements, entities...)

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function say(text, isError = false) {
  const box = document.getElementById("message");
  box.textContent = text;
  box.classList.toggle("error", isError);
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const data = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

async function post(action, fields = {}) {
  const body = JSON.stringify({ id: current.id, version: current.version, action, ...fields });
  const response = await fetch("/api/edit", {
    method: "POST", body,
    headers: { "Content-Type": "application/json", "X-SpaceKG-Token": TOKEN },
  });
  const text = await response.text();
  let data;
  try { data = JSON.parse(text); } catch { data = { error: text.trim() }; }
  if (!response.ok) {
    say(`${data.error}${data.exit_code ? ` (exit code ${data.exit_code})` : ""}`, true);
    return null;
  }
  return data;
}

async function act(action, fields, done) {
  const data = await post(action, fields);
  if (data === null) return;
  say(done);
  show(data);
  await loadList();
}

async function loadList() {
  const data = await getJSON("/api/proposals");
  document.getElementById("folder").textContent = data.folder;
  const list = document.getElementById("proposal-list");
  list.replaceChildren();
  for (const p of data.proposals) {
    const detail = p.error ? p.error : `${p.statements} ready · ${p.waiting} waiting · ${p.entities} new entities`;
    const link = el("a", { href: `#${p.id}`, "data-id": p.id, class: current && current.id === p.id ? "current" : "" },
      p.title, el("small", {}, detail));
    list.append(el("li", {}, link));
  }
  if (!data.proposals.length) list.append(el("li", { class: "note" }, "No proposal is waiting."));
}

async function open(id) {
  try {
    show(await getJSON(`/api/proposal?id=${encodeURIComponent(id)}`));
    say("");
    await loadList();
  } catch (err) {
    say(err.message, true);
  }
}

function show(data) {
  current = data;
  document.getElementById("proposal").hidden = false;
  document.getElementById("title").textContent = data.title;
  document.getElementById("meta").textContent =
    [data.publisher, data.issued, data.url, data.file].filter(Boolean).join(" · ");
  document.getElementById("text-note").textContent = data.text === null ? data.text_note : "";
  showText(data);
  const statements = document.getElementById("statements");
  statements.replaceChildren(...data.statements.map(statementCard));
  const waiting = data.statements.filter((s) => s.waiting).length;
  document.getElementById("statement-count").textContent =
    `${data.statements.length - waiting} ready` + (waiting ? `, ${waiting} waiting on new entities` : "");
  document.getElementById("waiting-note").textContent = waiting
    ? `${waiting} statement(s) still wait on new entities: accepted now, they stay out (as comments).` : "";
  document.getElementById("entities").replaceChildren(...data.entities.map(entityCard));
  document.getElementById("entity-count").textContent = data.entities.length ? String(data.entities.length) : "none";
}

// The article with each statement's evidence marked; overlapping evidence is cut into pieces.
function showText(data) {
  const box = document.getElementById("text");
  box.replaceChildren();
  if (data.text === null) return;
  const spans = data.statements.filter((s) => s.found);
  const cuts = new Set([0, data.text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = data.text.slice(from, to);
    const covering = spans.filter((s) => s.start <= from && to <= s.end);
    if (!covering.length) { box.append(piece); continue; }
    const lines = covering.map((s) => s.line).join(" ");
    const waitingOnly = covering.every((s) => s.waiting);
    const mark = el("mark", { "data-lines": lines, class: waitingOnly ? "waiting" : "",
      title: covering.map((s) => s.words).join("\n"), onclick: () => focus(covering[0].line, true) }, piece);
    box.append(mark);
  }
}

function focus(line, fromText = false) {
  for (const node of document.querySelectorAll(".focus")) node.classList.remove("focus");
  const marks = [...document.querySelectorAll("mark")].filter((m) => m.dataset.lines.split(" ").includes(String(line)));
  for (const m of marks) m.classList.add("focus");
  const card = document.querySelector(`.card.statement[data-line="${line}"]`);
  if (card) card.classList.add("focus");
  const target = fromText ? card : marks[0];
  if (target) target.scrollIntoView({ block: "center", behavior: "smooth" });
}

function statementCard(s) {
  const tags = el("div", { class: "tags" }, el("span", { class: "tag" }, `line ${s.line}`));
  if (s.waiting) {
    tags.append(el("span", { class: "tag warn", title: s.new_entities.join(", ") },
      "waiting on a new entity: accept it or re-link it below"));
  }
  if (!s.found && current.text !== null) tags.append(el("span", { class: "tag bad" }, "evidence not at its offsets"));
  const card = el("div", { class: `card statement${s.waiting ? " waiting" : ""}`, "data-line": s.line,
    onmouseenter: () => focus(s.line) },
    el("div", { class: "words" }, s.words),
    el("div", { class: "quote" }, `“${s.evidence}”`), tags);
  const actions = el("div", { class: "actions" },
    el("button", { class: "edit", type: "button", onclick: () => editForm(card, s) }, "Edit"),
    el("button", { class: "reject danger", type: "button",
      onclick: () => act("reject-statement", { line: s.line }, `Rejected: ${s.words}`) }, "Reject"));
  card.append(actions);
  return card;
}

function select(name, options, value) {
  const node = el("select", { name });
  for (const o of options) node.append(el("option", { value: o.id }, o.label));
  node.value = value;
  return node;
}

function editForm(card, s) {
  if (card.querySelector("form")) return;
  const c = current.choices;
  const objectField = s.object_is_date || s.object.literal
    ? el("input", { name: "object", value: s.object.value, placeholder: "YYYY, YYYY-MM or YYYY-MM-DD",
      disabled: s.object_is_date ? null : "disabled" })
    : select("object", c.entities, s.object.value);
  const timeKinds = [{ id: "pointInTime", label: "at" }, { id: "startTime", label: "from" },
    { id: "endTime", label: "until" }];
  const form = el("form", { class: "edit" },
    el("label", {}, "Subject"), select("subject", c.entities, s.subject.value),
    el("label", {}, "Relation"), select("relation", c.relations, s.relation),
    el("label", {}, "Object"), objectField,
    el("label", {}, "Certainty"), select("certainty", c.certainties, s.certainty),
    el("label", {}, "Time"), el("div", { class: "row" }, select("time_kind", timeKinds, s.time_kind),
      el("input", { name: "time", value: s.time, placeholder: "YYYY[-MM[-DD]] or empty", size: 14 }),
      el("input", { name: "time_was", type: "hidden", value: s.time ? s.time_kind : "" })),
    el("div", { class: "buttons" },
      el("button", { class: "save primary", type: "submit" }, "Save"),
      el("button", { class: "cancel", type: "button", onclick: () => form.remove() }, "Cancel")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(form).entries());
    if (s.object.literal && !s.object_is_date) fields.object = s.object.value;
    act("edit-statement", { line: s.line, ...fields }, `Saved line ${s.line}`);
  });
  card.append(form);
}

function entityCard(e) {
  const targets = current.choices.entities.filter((x) => !x.label.endsWith("(new)"));
  const relink = select("target", [{ id: "", label: "a catalog entity ..." }, ...targets], "");
  const card = el("div", { class: "card entity", "data-line": e.line, "data-iri": e.iri },
    el("div", { class: "words" }, `${e.label} · ${e.class}`),
    el("div", { class: "quote" }, e.introduced_by ? `introduced by “${e.introduced_by}”` : ""),
    el("div", { class: "tags" }, el("span", { class: "tag" }, e.iri),
      el("span", { class: "tag" }, `used by ${e.statements.length} statement(s)`)),
    el("div", { class: "actions" },
      el("button", { class: "accept-entity primary", type: "button",
        onclick: () => act("accept-entity", { line: e.line }, `Added ${e.label} to the catalog`) },
      "Accept into catalog"),
      el("span", {}, "or it is"), relink,
      el("button", { class: "relink", type: "button",
        onclick: () => act("relink-entity", { line: e.line, target: relink.value }, `Re-linked ${e.label}`) },
      "Re-link"),
      el("button", { class: "reject-entity danger", type: "button",
        onclick: () => act("reject-entity", { line: e.line }, `Rejected ${e.label} and its statements`) },
      "Reject")));
  return card;
}

async function acceptSource() {
  const button = document.getElementById("accept-source");
  button.disabled = true;
  say("Building and checking the graph with this source ...");
  const data = await post("accept-source");
  button.disabled = false;
  if (data === null) return;
  document.getElementById("proposal").hidden = true;
  current = null;
  say(`Accepted ${data.accepted}: ${data.path}` +
    (data.build_dir ? `. The graph in ${data.build_dir} now holds it.` : "."));
  await loadList();
}

document.getElementById("accept-source").addEventListener("click", acceptSource);
document.getElementById("proposal-list").addEventListener("click", (event) => {
  const link = event.target.closest("a[data-id]");
  if (link) { event.preventDefault(); history.replaceState(null, "", `#${link.dataset.id}`); open(link.dataset.id); }
});
loadList().then(() => { if (location.hash.length > 1) open(decodeURIComponent(location.hash.slice(1))); })
  .catch((err) => say(err.message, true));
