// The organiser's live dashboard: polls dashboard.json every 2 s and updates the figures in place.
// No inline script (CSP script-src 'self'); text goes in with textContent only.
(function () {
  "use strict";
  const root = document.getElementById("dashboard");
  if (!root) return;
  const url = root.dataset.url;
  const interval = Number(root.dataset.interval) || 2000;
  const SVG = "http://www.w3.org/2000/svg";

  const lang = document.documentElement.lang || undefined;
  // Languages by name in the page's language ("Bahasa Malaysia 2"), as the server renders them.
  const names = JSON.parse((document.getElementById("language-names") || {}).textContent || "{}");

  // The time in the page's language on a 24-hour clock, like every time the server writes here.
  function clock(iso) {
    if (!iso) return "—";
    const d = new Date(iso);
    return isNaN(d) ? "—" : d.toLocaleTimeString(lang, { hourCycle: "h23" });
  }

  function languages(map) {
    const parts = Object.entries(map || {}).sort((a, b) => b[1] - a[1]).map(([code, n]) => (names[code || ""] || code || "?") + " " + n);
    return parts.length ? parts.join(", ") : "—";
  }

  function pick(data, path) {
    return path.split(".").reduce((value, key) => (value == null ? value : value[key]), data);
  }

  function render(data) {
    root.querySelectorAll("[data-field]").forEach((el) => {
      const field = el.dataset.field;
      const value = pick(data, field);
      if (field === "live.languages") el.textContent = languages(value);
      else if (field === "figures.peak_at") el.textContent = clock(value);
      else if (el.dataset.format === "duration") el.textContent = (data.display || {})[field] || "—";
      else el.textContent = value == null ? "—" : String(value);
    });
    const status = document.getElementById("dash-status");
    if (status && data.status) status.className = "badge " + data.status;
    timeline(data.timeline || []);
    const updated = document.getElementById("dash-updated");
    if (updated) updated.textContent = `${root.dataset.labelUpdated || "Updated"} ${clock(new Date().toISOString())}`;
  }

  function timeline(points) {
    const figure = document.getElementById("dash-timeline");
    const empty = document.getElementById("dash-timeline-empty");
    if (!figure) return;
    const old = figure.querySelector("svg");
    if (old) old.remove();
    if (empty) empty.hidden = points.length > 0;
    if (!points.length) return;
    const width = 900, height = 180, pad = 24;
    const times = points.map((p) => new Date(p.at).getTime());
    const t0 = times[0], t1 = Math.max(times[times.length - 1], t0 + 1);
    const top = Math.max(1, ...points.map((p) => p.count));
    const x = (t) => pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad);
    const y = (n) => height - pad - (n / top) * (height - 2 * pad);
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("width", "100%");
    svg.setAttribute("role", "img");
    const axis = document.createElementNS(SVG, "polyline");
    axis.setAttribute("points", pad + "," + pad + " " + pad + "," + (height - pad) + " " + (width - pad) + "," + (height - pad));
    axis.setAttribute("fill", "none");
    axis.setAttribute("stroke", "#dde1e8");
    svg.appendChild(axis);
    const line = document.createElementNS(SVG, "polyline");
    line.setAttribute("points", points.map((p, i) => x(times[i]).toFixed(1) + "," + y(p.count).toFixed(1)).join(" "));
    line.setAttribute("fill", "none");
    line.setAttribute("stroke", "#0b6e4f");
    line.setAttribute("stroke-width", "2");
    svg.appendChild(line);
    const label = document.createElementNS(SVG, "text");
    label.setAttribute("x", String(pad + 4));
    label.setAttribute("y", String(pad - 6));
    label.setAttribute("font-size", "12");
    label.textContent = `${root.dataset.labelMax || "max"} ${top}`;
    svg.appendChild(label);
    figure.appendChild(svg);
  }

  let timer = null;
  async function poll() {
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.ok) render(await response.json());
    } catch (err) {
      // Network blip: keep the last figures and try again on the next tick.
    }
    timer = setTimeout(poll, document.hidden ? interval * 5 : interval);
  }
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && timer) {
      clearTimeout(timer);
      poll();
    }
  });
  poll();
})();
