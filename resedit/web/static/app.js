// resedit in a browser: a peer of the host that renders what the host sends and sends the clause
// the delegate types. The key comes from the link's fragment and goes only into the first
// websocket message. Edits wait here while the host is away and are sent when it returns.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.hash.slice(1));
  const key = params.get("key") || "";
  const paperId = location.pathname.split("/").filter(Boolean)[0] || "";
  const ROLE_TEXT = { edit: "co-sponsor, edits", sign: "signatory, signs", read: "dais, reads and comments" };
  const S = {
    ws: null, role: null, you: null, connected: false, stopped: false, retry: 300,
    paper: null, lint: null, peers: [], comments: [],
    texts: new Map(),  // clause id -> {server: the host's text, local: as typed here}
    selected: null, inflight: null,
    seq: Number(sessionStorage.getItem("resedit-seq") || 0),
    client: sessionStorage.getItem("resedit-client") || Math.random().toString(36).slice(2) + Date.now().toString(36),
    name: params.get("name") || localStorage.getItem("resedit-name") || "",
  };
  sessionStorage.setItem("resedit-client", S.client);
  // What was typed and not yet confirmed survives a reload of the tab (even one made while the host
  // was away): kept in this tab's storage, sent again on the next connection.
  const PENDING = "resedit-pending-" + paperId;
  function save() {
    const texts = {};
    for (const [id, st] of S.texts) if (st.local !== st.server) texts[id] = st;
    sessionStorage.setItem(PENDING, JSON.stringify({ texts: texts, inflight: S.inflight }));
  }
  try {
    const kept = JSON.parse(sessionStorage.getItem(PENDING) || "{}");
    for (const [id, st] of Object.entries(kept.texts || {})) S.texts.set(id, { server: st.server, local: st.local });
    if (kept.inflight && S.texts.has(kept.inflight.clause)) S.inflight = kept.inflight;
  } catch (e) { sessionStorage.removeItem(PENDING); }

  // -- resedit/collab/rebase.py made simple (one splice a side): own typing first at a shared spot;
  // the host's answer, made with the full rebase, is what the page keeps in the end --------------
  function splice(a, b) {
    const n = Math.min(a.length, b.length);
    let s = 0;
    while (s < n && a[s] === b[s]) s++;
    let t = 0;
    while (t < n - s && a[a.length - 1 - t] === b[b.length - 1 - t]) t++;
    return [s, a.length - t, b.slice(s, b.length - t)];
  }
  function rebase(base, mine, cur) {
    if (cur === base || mine === cur) return mine;
    if (mine === base) return cur;
    const [s, e, ins] = splice(base, mine);
    const [rs, re, rins] = splice(base, cur);
    if (re <= s && !(rs === re && re === s && s === e)) {
      const d = rins.length - (re - rs);
      return cur.slice(0, s + d) + ins + cur.slice(e + d);
    }
    if (rs >= e) return cur.slice(0, s) + ins + cur.slice(e);
    const at = s <= rs ? rs : rs + rins.length;  // overlap: keep both insertions
    return cur.slice(0, at) + ins + cur.slice(at);
  }
  function shiftOffset(old, now, offset) {  // where a cursor goes when others change the text
    const [s, e, ins] = splice(old, now);
    if (offset <= s) return offset;
    if (offset >= e) return offset + ins.length - (e - s);
    return s + ins.length;
  }

  // -- connection -----------------------------------------------------------------------------
  function status(text) { $("status").textContent = text; }
  function unsent() {
    let n = 0;
    for (const st of S.texts.values()) if (st.local !== st.server) n++;
    return n;
  }
  function connect() {
    if (!key || !paperId) { status("This link has no key: open the whole link the host printed."); return; }
    const ws = new WebSocket(`ws://${location.host}/${paperId}/web`);
    S.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ t: "hello", key: key, name: S.name, client: S.client }));
    ws.onmessage = (event) => { receive(JSON.parse(event.data)); save(); };
    ws.onclose = (event) => {
      const was = S.connected;
      S.connected = false;
      S.ws = null;
      if (event.code === 4401) {
        S.stopped = true;
        status("The host refused this link: " + (event.reason || "wrong key") + ".");
        return;
      }
      if (event.code === 4403) lost("The host refused a change: " + event.reason + ". Reloading the paper…");
      else lost("Lost the host. " + (unsent() ? "Your unsent edits are kept here and will be sent when it returns." :
        "Nothing typed is lost; retrying…"));
      if (was) S.retry = 300;
      setTimeout(connect, S.retry);
      S.retry = Math.min(S.retry * 2, 2000);
    };
  }
  function lost(text) {
    $("lost").textContent = text;
    $("lost").hidden = false;
    status("Not connected");
    document.body.dataset.connected = "no";
  }
  function send(payload) {
    if (S.connected && S.ws && S.ws.readyState === WebSocket.OPEN) { S.ws.send(JSON.stringify(payload)); return true; }
    return false;
  }

  function receive(m) {
    if (m.t === "welcome") {
      S.role = m.role; S.you = m.you; S.connected = true; S.retry = 300;
      $("lost").hidden = true;
      document.body.dataset.connected = "yes";
      document.body.dataset.role = m.role;
      status(`Connected as ${m.name}, ${ROLE_TEXT[m.role] || m.role}`);
      $("editor").readOnly = m.role !== "edit";
      $("sign-form").hidden = m.role === "read";
      $("comment-form").hidden = m.role === "sign";
      if (m.role === "sign" && !$("sign-state").value) $("sign-state").value = m.name;  // a signatory signs as who it joined as
      if (S.inflight) send(S.inflight.message);  // resent; the host knows whether it already has it
    } else if (m.t === "paper") {
      S.paper = m;
      for (const row of m.rows) {
        const st = S.texts.get(row.id);
        if (!st) { S.texts.set(row.id, { server: row.text, local: row.text }); continue; }
        if (S.inflight && S.inflight.clause === row.id) continue;  // its ack brings the text
        if (st.server !== row.text) { setLocal(row.id, rebase(st.server, st.local, row.text)); st.server = row.text; }
      }
      renderPaper();
      pump();
    } else if (m.t === "ack") {
      const f = S.inflight;
      if (!f || f.seq !== m.seq) return;
      S.inflight = null;
      const st = S.texts.get(m.clause);
      if (st && typeof m.text === "string") { setLocal(m.clause, rebase(f.text, st.local, m.text)); st.server = m.text; }
      renderPaper();
      pump();
    } else if (m.t === "lint") { S.lint = m; renderLint(); renderPaper(); }
    else if (m.t === "peers") { S.peers = m.peers; renderPeers(); renderPaper(); }
    else if (m.t === "comments") { S.comments = m.comments; renderComments(); }
    else if (m.t === "sign-refused") { $("sign-message").textContent = "Not signed: " + m.reason; }
    else if (m.t === "signed") { $("sign-message").textContent = "Signed for " + m.state + "."; }
    else if (m.t === "comment-refused") { $("comment-message").textContent = "Comment not added: " + m.reason; }
    else if (m.t === "error" || m.t === "refused") {
      if (S.inflight) {  // not applied (the reason says why, with the text): do not send it again
        const st = S.texts.get(S.inflight.clause);
        if (st && m.t === "error") st.server = st.local;
        S.inflight = null;
      }
      $("lost").textContent = m.reason; $("lost").hidden = false;
    }
  }

  // -- editing --------------------------------------------------------------------------------
  function setLocal(id, text) {
    const st = S.texts.get(id);
    const ed = $("editor");
    if (S.selected === id && ed.value !== text) {
      const a = shiftOffset(ed.value, text, ed.selectionStart), b = shiftOffset(ed.value, text, ed.selectionEnd);
      ed.value = text;
      if (document.activeElement === ed) ed.setSelectionRange(a, b);
    }
    st.local = text;
  }
  function pump() {  // one edit in flight at a time: the next is rebased on the host's answer
    if (S.inflight || !S.connected || S.role !== "edit") return;
    const ids = [S.selected, ...S.texts.keys()];
    for (const id of ids) {
      const st = id && S.texts.get(id);
      if (st && st.local !== st.server) {
        S.seq += 1;
        sessionStorage.setItem("resedit-seq", String(S.seq));
        const message = { t: "edit", clause: id, base: st.server, text: st.local, seq: S.seq };
        S.inflight = { seq: S.seq, clause: id, text: st.local, message: message };
        send(message);
        return;
      }
    }
  }
  function select(id, focus) {
    const st = S.texts.get(id);
    if (!st) return;
    S.selected = id;
    const ed = $("editor");
    ed.disabled = false;
    ed.value = st.local;
    const row = S.paper.rows.find((r) => r.id === id);
    $("edit-title").textContent = "Clause " + describe(row);
    $("edit-hint").textContent = S.role === "edit" ? "Type here; Escape goes back to the paper." :
      "You can read this clause; Escape goes back to the paper.";
    renderPaper(); renderLint();
    if (focus) { ed.focus(); ed.setSelectionRange(ed.value.length, ed.value.length); }
    presence();
  }
  function describe(row) {
    if (!row) return "";
    const part = row.part === "operative" ? "operative" : "preambular";
    const top = S.paper.rows.filter((r) => r.part === row.part && r.level === 0);
    let n = 0;
    for (const r of S.paper.rows) { if (r.part === row.part && r.level === 0) n++; if (r.id === row.id) break; }
    return `${part} ${n} of ${top.length}${row.level ? " " + row.label : ""}`;
  }
  let presenceTimer = null;
  function presence() {
    clearTimeout(presenceTimer);
    presenceTimer = setTimeout(() => send({ t: "presence", clause: S.selected, offset: $("editor").selectionStart || 0 }), 150);
  }
  $("editor").addEventListener("input", () => {
    if (!S.selected || S.role !== "edit") return;
    S.texts.get(S.selected).local = $("editor").value;
    pump();
    save();
    renderPaperSoon();
  });
  $("editor").addEventListener("keyup", presence);
  $("editor").addEventListener("keydown", (e) => {
    if (e.key === "Escape") { const p = document.querySelector(`.clause[data-id="${S.selected}"]`); if (p) p.focus(); }
  });
  $("sign-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const state = $("sign-state").value.trim();
    if (!state) return;
    $("sign-message").textContent = send({ t: "sign", state: state }) ? "Signing for " + state + "…" : "Not connected: try again when the host is back.";
  });
  $("comment-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("comment-text").value.trim();
    if (text && send({ t: "comment", clause: S.selected, text: text })) $("comment-text").value = "";
  });
  $("join").addEventListener("submit", (e) => {
    e.preventDefault();
    S.name = $("join-name").value.trim();
    localStorage.setItem("resedit-name", S.name);
    $("join").hidden = true;
    connect();
  });
  window.addEventListener("beforeunload", (e) => { if (unsent()) { e.preventDefault(); e.returnValue = ""; } });

  // -- rendering (text only: never HTML from the paper) --------------------------------------
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  let paperTimer = null;
  function renderPaperSoon() { clearTimeout(paperTimer); paperTimer = setTimeout(renderPaper, 120); }
  const nodes = new Map();  // clause id -> {sig, node}: unchanged clauses keep their element (and focus)
  function renderPaper() {
    const p = S.paper;
    if (!p) return;
    const page = $("paper");
    if (!page.firstChild) page.append(el("div", "head"), el("div", "body"));
    const [head, body] = page.children;
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.id : null;
    const fields = [["Code", p.code], ["Committee", p.committee], ["Topic", p.topic],
      ["Sponsors", p.sponsors.join(", ")], ["Signatories", p.signatories.join(", ")]];
    const lines = fields.map(([label, value]) => {
      const line = el("p", "field");
      line.append(el("b", null, label + ":"), document.createTextNode(" " + (value || "")));
      return line;
    });
    head.replaceChildren(...lines, el("p", "opening", p.opening));
    const flagged = new Set(((S.lint && S.lint.findings) || []).map((f) => f.clause));
    const here = new Map();
    for (const peer of S.peers) if (peer.clause && peer.id !== S.you) here.set(peer.clause, [...(here.get(peer.clause) || []), peer.name]);
    const want = p.rows.map((row) => {
      const st = S.texts.get(row.id);
      const text = st ? st.local : row.text;
      const cut = text === row.text ? row.opener : 0;
      const who = (here.get(row.id) || []).join(", ");
      const sig = JSON.stringify([row.part, row.level, row.label, text, cut, row.id === S.selected, flagged.has(row.id), who]);
      const known = nodes.get(row.id);
      if (known && known.sig === sig) return known.node;
      const para = el("p", `clause ${row.part} level-${row.level}`);
      para.tabIndex = 0;
      para.dataset.id = row.id;
      para.setAttribute("role", "button");
      if (row.id === S.selected) para.classList.add("selected");
      if (flagged.has(row.id)) para.classList.add("flagged");
      if (row.label) para.append(el("span", "label", row.label + " "));
      if (cut) para.append(el("em", null, text.slice(0, cut)));
      para.append(document.createTextNode(text.slice(cut)));
      if (who) para.append(el("span", "who", who));
      para.addEventListener("click", () => select(row.id, true));
      para.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(row.id, true); } });
      if (known) known.node.replaceWith(para);
      nodes.set(row.id, { sig: sig, node: para });
      return para;
    });
    want.forEach((node, i) => { if (body.children[i] !== node) body.insertBefore(node, body.children[i] || null); });
    while (body.children.length > want.length) body.lastChild.remove();
    if (focused && document.activeElement === document.body) {
      const again = body.querySelector(`.clause[data-id="${focused}"]`);
      if (again) again.focus();
    }
  }
  function finding(f, withPlace) {
    const li = el("li", f.severity);
    const row = withPlace && f.clause && S.paper ? S.paper.rows.find((r) => r.id === f.clause) : null;
    if (row) {  // a finding on a clause opens it in the editor (a button: Tab and Enter reach it)
      const go = el("button", "place", describe(row));
      go.type = "button";
      go.addEventListener("click", () => select(row.id, true));
      li.append(go, document.createTextNode(" "));
    }
    li.append(el("span", "code", f.code + " "), document.createTextNode(f.message));
    return li;
  }
  function renderLint() {
    const l = S.lint;
    if (!l) return;
    $("findings").replaceChildren(...(l.findings.length ? l.findings.map((f) => finding(f, true)) : [el("li", "muted", "No findings.")]));
    const mine = l.findings.filter((f) => f.clause && f.clause === S.selected);
    $("clause-findings").replaceChildren(...(S.selected ? (mine.length ? mine.map((f) => finding(f, false)) : [el("li", "muted", "No findings for this clause.")]) : []));
    const sp = l.sponsorship;
    const t = $("threshold");
    t.replaceChildren(el("span", sp.met ? "met" : "unmet", sp.met ? "Threshold met. " : "Threshold not met. "),
      document.createTextNode(sp.line.replace(/^sponsorship: /, "")));
    if (S.paper) { $("sponsors").textContent = S.paper.sponsors.join(", ") || "none"; $("signatories").textContent = S.paper.signatories.join(", ") || "none"; }
  }
  function renderPeers() {
    const rows = S.paper ? S.paper.rows : [];
    $("peers").replaceChildren(...S.peers.map((peer) => {
      const row = rows.find((r) => r.id === peer.clause);
      const where = row ? " — on " + describe(row) : "";
      return el("li", null, `${peer.name} (${ROLE_TEXT[peer.role] || peer.role})${peer.id === S.you ? " — you" : where}`);
    }));
  }
  function renderComments() {
    const rows = S.paper ? S.paper.rows : [];
    $("comments").replaceChildren(...(S.comments.length ? S.comments.map((c) => {
      const row = rows.find((r) => r.id === c.clause);
      return el("li", null, `${c.by}${row ? " on " + describe(row) : ""}: ${c.text}`);
    }) : [el("li", "muted", "No comments.")]));
  }

  if (S.name) connect();
  else { $("join").hidden = false; status("Say who you are to join."); $("join-name").focus(); }
})();
