// argmap preview: listens for updates from the server and redraws without reloading the page.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  let version = 0, scale = 1, tx = 0, ty = 0, fitted = false;

  function apply() { $("map").style.transform = `translate(${tx}px, ${ty}px) scale(${scale})`; }
  function zoom(f, cx, cy) {
    const vp = $("viewport").getBoundingClientRect();
    cx = cx === undefined ? vp.width / 2 : cx; cy = cy === undefined ? vp.height / 2 : cy;
    const s = Math.min(8, Math.max(0.05, scale * f));
    tx = cx - (cx - tx) * (s / scale); ty = cy - (cy - ty) * (s / scale); scale = s; apply();
  }
  function fit() {
    const svg = $("map").querySelector("svg"); if (!svg) return;
    const vp = $("viewport").getBoundingClientRect();
    const w = svg.width.baseVal.value || 1, h = svg.height.baseVal.value || 1;
    scale = Math.min(vp.width / w, vp.height / h, 1); tx = 0; ty = 0; apply();
  }

  // Only the SVG element itself, without scripts or event attributes, goes into the page.
  function clean(node) {
    for (const el of node.querySelectorAll("script, foreignObject")) el.remove();
    for (const el of [node, ...node.querySelectorAll("*")]) {
      for (const a of [...el.attributes]) {
        if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) el.removeAttribute(a.name);
      }
    }
    return node;
  }

  function viewQuery() {
    const [kind, id] = $("view").value.split(":");
    return "kind=" + encodeURIComponent(kind) + (id ? "&id=" + encodeURIComponent(id) : "");
  }

  async function loadMap() {
    const res = await fetch("/map.svg?" + viewQuery() + "&v=" + version);
    const text = await res.text();
    if (!res.ok) { $("map").textContent = text; return; }
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const svg = doc.documentElement;
    if (svg.nodeName !== "svg") return;
    $("map").replaceChildren(document.importNode(clean(svg), true));
    $("map").dataset.version = String(version);
    if (!fitted) { fit(); fitted = true; }
  }

  function setOptions(st) {
    const sel = $("view"), current = sel.value;
    const opts = [["whole", "whole debate"], ["conflicts", "where experts collide"]];
    for (const e of st.experts || []) opts.push(["expert:" + e.id, "expert: " + e.label]);
    for (const p of st.propositions || []) opts.push(["proposition:" + p.id, "proposition: " + p.id]);
    sel.replaceChildren(...opts.map(([v, t]) => { const o = document.createElement("option"); o.value = v; o.textContent = t; return o; }));
    sel.value = opts.some(([v]) => v === current) ? current : "whole";
  }

  function showDiagnostics(st) {
    const list = $("diag-list");
    list.replaceChildren(...st.diagnostics.map((d) => {
      const li = document.createElement("li");
      li.className = d.severity; li.textContent = d.text; li.title = "click to copy";
      li.addEventListener("click", () => {
        navigator.clipboard && navigator.clipboard.writeText(d.text);
        li.classList.add("copied"); setTimeout(() => li.classList.remove("copied"), 1200);
      });
      return li;
    }));
    $("diagnostics").hidden = st.diagnostics.length === 0;
    const status = $("status");
    status.classList.toggle("bad", !st.ok);
    status.textContent = !st.ok ? "invalid: showing the last good version" : st.error ? "map failed: " + st.error : "up to date (version " + st.version + ")";
  }

  function update(st) {
    $("title").textContent = st.title || "argmap preview";
    document.title = (st.title || "argmap") + " · preview";
    setOptions(st);
    showDiagnostics(st);
    if (st.version !== version && st.version > 0) {
      version = st.version;
      loadMap();
      $("matrix").src = "/matrix.html?v=" + version;
    }
    document.body.dataset.version = String(st.version);
    document.body.dataset.ok = String(st.ok);
  }

  const es = new EventSource("/events");
  es.addEventListener("update", (e) => update(JSON.parse(e.data)));
  es.onerror = () => { $("status").textContent = "disconnected: is argmap serve still running?"; };

  $("view").addEventListener("change", () => { fitted = false; loadMap(); });
  $("zoom-in").addEventListener("click", () => zoom(1.25));
  $("zoom-out").addEventListener("click", () => zoom(0.8));
  $("zoom-reset").addEventListener("click", fit);
  const vp = $("viewport");
  vp.addEventListener("wheel", (e) => {
    e.preventDefault(); const r = vp.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  let drag = null;
  vp.addEventListener("pointerdown", (e) => { drag = { x: e.clientX - tx, y: e.clientY - ty }; vp.setPointerCapture(e.pointerId); });
  vp.addEventListener("pointermove", (e) => { if (drag) { tx = e.clientX - drag.x; ty = e.clientY - drag.y; apply(); } });
  vp.addEventListener("pointerup", () => { drag = null; });
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
})();
