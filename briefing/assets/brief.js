// argmap brief: the page's script. It reads the one JSON blob the page holds, never builds
// HTML from strings (text goes in with textContent), and makes no network request.
"use strict";
(function () {
  performance.mark("brief-start");
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($("brief-data").textContent);
  const claims = new Map(data.claims.map((c) => [c.ref, c]));
  const experts = new Map(data.experts.map((e) => [e.id, e]));
  const props = new Map(data.propositions.map((p) => [p.id, p]));
  const stances = new Map(data.stances.map((s) => [s.expert + " " + s.proposition, s]));
  const sources = new Map(data.sources.map((s) => [s.id || "", s]));
  const evidenceOf = new Map(); // claim ref -> stances resting on it
  for (const s of data.stances) for (const r of s.evidence || []) {
    if (!evidenceOf.has(r)) evidenceOf.set(r, []);
    evidenceOf.get(r).push(s);
  }

  // Several maps show the same claims: element ids move to data-ref, so they stay unique.
  for (const g of document.querySelectorAll(".map svg g[id]")) {
    g.dataset.ref = g.id;
    g.removeAttribute("id");
  }
  // Tooltips of the SVG stay; links in it do nothing (Graphviz writes none).
  const nodes = [...document.querySelectorAll(".map g.node")];

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function isolate(text) { const b = el("bdi", "", text); return b; }
  function name(id) { const e = experts.get(id); return e ? e.name : id; }
  // cite names a quote's source and links to it in the list of sources.
  function cite(id) {
    const s = sources.get(id || "");
    if (!s) return [];
    const a = el("a", "cite", "[" + s.note + "] " + s.title);
    a.href = "#source-" + s.note;
    const p = el("p", "cite");
    p.append("Source: ", a);
    return [p];
  }

  // The detail panel: a stance or a claim.
  const detail = $("detail"), body = $("detail-body");
  function open(children, kind) {
    body.replaceChildren(...children);
    detail.dataset.kind = kind;
    detail.hidden = false;
  }
  function close() {
    detail.hidden = true;
    for (const n of document.querySelectorAll(".map g.node.current")) n.classList.remove("current");
  }
  $("detail-close").addEventListener("click", close);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") close(); });

  function claimLink(ref) {
    const c = claims.get(ref);
    const b = el("button", "", "");
    b.type = "button";
    b.append(isolate(c ? c.text : ref), el("span", "ref", " " + ref));
    b.addEventListener("click", () => showClaim(ref));
    return b;
  }
  function list(title, refs) {
    if (!refs || refs.length === 0) return [];
    const ul = el("ul", "links");
    for (const r of refs) { const li = el("li"); li.append(claimLink(r)); ul.append(li); }
    return [el("h4", "", title), ul];
  }

  function showStance(expert, prop) {
    const s = stances.get(expert + " " + prop), p = props.get(prop);
    const out = [];
    const h = el("h3");
    h.append(isolate(name(expert)), " on ", el("span", "key", p ? p.key : prop));
    out.push(h, el("p", "", p ? p.text : prop));
    if (!s) {
      out.push(el("p", "none", "Not addressed: " + name(expert) + " takes no stance on this proposition (never counted as disagreement)."));
      open(out, "stance");
      return;
    }
    let how = s.symbol + " " + s.label;
    if (s.confidence) how += ", confidence " + s.confidence + "/10";
    if (s.inferred) how += ", inferred";
    out.push(el("p", "position", how));
    if (s.quote) out.push(el("blockquote", "quote", "\u201c" + s.quote + "\u201d"), ...cite(s.source));
    if (s.note) out.push(el("p", "note", "Note: " + s.note));
    out.push(...list("Evidence", s.evidence));
    open(out, "stance");
  }

  function showClaim(ref) {
    const c = claims.get(ref);
    if (!c) return;
    const out = [];
    const h = el("h3");
    h.append(isolate(name(c.expert)), ": " + c.kind + (c.implicit ? " (implicit)" : ""));
    out.push(h, el("p", "claim-text", c.text));
    if (c.quote) out.push(el("blockquote", "quote", "\u201c" + c.quote + "\u201d"), ...cite(c.source));
    out.push(el("p", "ref", ref));
    out.push(...list("Supported by", c.supported_by), ...list("Attacked by", c.attacked_by));
    out.push(...list("Supports", c.supports), ...list("Attacks", c.attacks));
    const ev = evidenceOf.get(ref) || [];
    if (ev.length) {
      out.push(el("h4", "", "Evidence for"));
      const ul = el("ul", "links");
      for (const s of ev) {
        const li = el("li"), b = el("button");
        b.type = "button";
        b.append(isolate(name(s.expert)), " " + s.symbol + " " + (props.get(s.proposition) || {}).key);
        b.addEventListener("click", () => showStance(s.expert, s.proposition));
        li.append(b); ul.append(li);
      }
      out.push(ul);
    }
    open(out, "claim");
    for (const n of nodes) n.classList.toggle("current", n.dataset.ref === ref);
  }

  for (const b of document.querySelectorAll("button.cell")) {
    b.addEventListener("click", () => showStance(b.dataset.expert, b.dataset.proposition));
  }
  for (const li of document.querySelectorAll("li.claim[data-ref]")) {
    li.addEventListener("click", () => showClaim(li.dataset.ref));
  }

  // Search: claims whose text, quote or reference holds the words.
  function refilter() {
    const q = $("search").value.trim().toLowerCase();
    const who = $("expert").value;
    const hits = new Set();
    if (q.length >= 2) {
      for (const c of data.claims) {
        if ((c.text + " " + (c.quote || "") + " " + c.ref).toLowerCase().includes(q)) hits.add(c.ref);
      }
    }
    for (const n of nodes) {
      const ref = n.dataset.ref || "";
      n.classList.toggle("hit", hits.has(ref));
      n.classList.toggle("mine", who !== "" && (ref.startsWith(who + "/") || ref === "expert:" + who || ref.startsWith("stance:" + who + ":")));
    }
    for (const m of document.querySelectorAll(".map")) m.classList.toggle("filtering", hits.size > 0 || who !== "");
    // Bring the first match into view on each map that shows it.
    for (const vp of document.querySelectorAll(".viewport")) {
      const first = vp.querySelector("g.node.hit") || (who !== "" && vp.querySelector("g.node.mine"));
      if (first && vp.show) vp.show(first);
    }
    $("search-count").textContent = q.length >= 2 ? hits.size + (hits.size === 1 ? " claim matches" : " claims match") : "";
    for (const tr of document.querySelectorAll("tr[data-expert]")) tr.classList.toggle("sel", tr.dataset.expert === who);
    for (const a of document.querySelectorAll("article.expert")) a.classList.toggle("sel", a.dataset.expert === who);
  }
  $("search").addEventListener("input", refilter);
  $("expert").addEventListener("change", refilter);
  for (const th of document.querySelectorAll("tr[data-expert] th")) {
    th.addEventListener("click", () => {
      const id = th.parentElement.dataset.expert;
      $("expert").value = $("expert").value === id ? "" : id;
      refilter();
    });
  }

  // Pan and zoom, one state per map.
  for (const vp of document.querySelectorAll(".viewport")) {
    const map = vp.querySelector(".map"), svg = map.querySelector("svg");
    if (!svg) continue;
    let scale = 1, tx = 0, ty = 0;
    const apply = () => { map.style.transform = "translate(" + tx + "px, " + ty + "px) scale(" + scale + ")"; };
    const zoom = (f, cx, cy) => {
      if (cx === undefined) { cx = vp.clientWidth / 2; cy = vp.clientHeight / 2; }
      const s = Math.min(8, Math.max(0.02, scale * f));
      tx = cx - (cx - tx) * (s / scale); ty = cy - (cy - ty) * (s / scale); scale = s; apply();
    };
    // fit shows the whole map; the first view fits its width, so that labels stay readable.
    const fit = (whole) => {
      const w = svg.width.baseVal.value || 1, h = svg.height.baseVal.value || 1;
      scale = Math.min(vp.clientWidth / w, whole === false ? Infinity : vp.clientHeight / h, 1);
      tx = (vp.clientWidth - w * scale) / 2; ty = 0; apply();
    };
    fit(false);
    // show pans so that el is in view, centred, when it is not.
    vp.show = (el) => {
      const v = vp.getBoundingClientRect(), r = el.getBoundingClientRect();
      if (r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom) return;
      tx += (v.left + v.width / 2) - (r.left + r.width / 2);
      ty += (v.top + v.height / 2) - (r.top + r.height / 2);
      apply();
    };
    const controls = vp.parentElement.querySelector(".controls");
    if (controls) controls.addEventListener("click", (e) => {
      const b = e.target.closest("button[data-zoom]");
      if (!b) return;
      ({ in: () => zoom(1.25), out: () => zoom(0.8), fit })[b.dataset.zoom]();
    });
    vp.addEventListener("wheel", (e) => {
      e.preventDefault();
      const r = vp.getBoundingClientRect();
      zoom(e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    let down = null, dragged = false;
    vp.addEventListener("pointerdown", (e) => { down = { x: e.clientX, y: e.clientY, tx, ty, id: e.pointerId }; dragged = false; });
    vp.addEventListener("pointermove", (e) => {
      if (!down) return;
      const dx = e.clientX - down.x, dy = e.clientY - down.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!dragged) { dragged = true; vp.setPointerCapture(down.id); vp.classList.add("dragging"); }
      tx = down.tx + dx; ty = down.ty + dy; apply();
    });
    const up = () => { down = null; vp.classList.remove("dragging"); };
    vp.addEventListener("pointerup", up);
    vp.addEventListener("pointercancel", up);
    vp.addEventListener("click", (e) => {
      if (dragged) { dragged = false; return; }
      const n = e.target.closest("g.node");
      if (!n) return;
      const ref = n.dataset.ref || "";
      if (claims.has(ref)) showClaim(ref);
      else if (ref.startsWith("stance:")) { // a stance's box: stance:EXPERT:PROPOSITION
        const [, expert, prop] = ref.split(":");
        showStance(expert, prop);
      }
    });
    vp.addEventListener("keydown", (e) => {
      const step = 40;
      switch (e.key) {
        case "+": case "=": zoom(1.25); break;
        case "-": zoom(0.8); break;
        case "0": fit(); break;
        case "ArrowLeft": tx += step; apply(); break;
        case "ArrowRight": tx -= step; apply(); break;
        case "ArrowUp": ty += step; apply(); break;
        case "ArrowDown": ty -= step; apply(); break;
        default: return;
      }
      e.preventDefault();
    });
  }
  performance.mark("brief-ready");
  document.body.dataset.ready = "true";
})();
