// Small DOM helpers for the live pages. Text always goes in through textContent (never innerHTML).
(function () {
  "use strict";
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // The question text with the screening spans marked; spans index the original text.
  function highlighted(text, reasons) {
    const spans = (reasons || [])
      .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.end > r.start)
      .sort((a, b) => a.start - b.start);
    const out = el("span", { class: "text" });
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue;
      out.append(document.createTextNode(text.slice(at, span.start)));
      out.append(el("mark", { class: "span", title: span.message, text: text.slice(span.start, span.end) }));
      at = span.end;
    }
    out.append(document.createTextNode(text.slice(at)));
    return out;
  }

  function config() {
    return JSON.parse(document.getElementById("live-config").textContent);
  }

  // A question's age in the page's language, short: "5s", "3m", "2h" in English; "5 s", "3 min", "2 j"
  // in Malay (Intl's narrow units), never English abbreviations on a Malay console.
  const units = {};
  function unit(name, n) {
    if (!units[name]) {
      const lang = document.documentElement.lang || undefined;
      units[name] = new Intl.NumberFormat(lang, { style: "unit", unit: name, unitDisplay: "narrow" });
    }
    return units[name].format(n);
  }

  function timeAgo(iso) {
    if (!iso) return "";
    const seconds = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
    if (seconds < 60) return unit("second", Math.floor(seconds));
    if (seconds < 3600) return unit("minute", Math.floor(seconds / 60));
    return unit("hour", Math.floor(seconds / 3600));
  }

  function setConnection(node, state, labels) {
    node.className = `conn ${state}`;
    node.textContent = labels[state] || state;
    node.dataset.state = state;
  }

  window.DewanDom = { el, highlighted, config, timeAgo, setConnection };
})();
