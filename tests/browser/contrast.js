() => {
  const parse = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
  const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = (el) => { for (let n = el; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor); if (c && c.a > 0.5) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
  const faded = (el) => { for (let n = el; n; n = n.parentElement) if (Number(getComputedStyle(n).opacity) < 1) return true; return false; };
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode; const el = node.parentElement;
    if (!node.textContent.trim() || seen.has(el)) continue; seen.add(el);
    if (!el.getClientRects().length || el.closest('[hidden]') || el.closest(':disabled') || faded(el) || el.closest('svg,iframe')) continue;
    const s = getComputedStyle(el); if (s.visibility === 'hidden') continue;
    const fg = parse(s.color); const bg = background(el); const size = parseFloat(s.fontSize); const bold = Number(s.fontWeight) >= 700;
    const need = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
    const r = ratio(fg, bg);
    if (r < need) out.push(`${r.toFixed(2)} < ${need}: ${el.tagName}.${el.className} "${node.textContent.trim().slice(0, 30)}"`);
  }
  return out;
}
