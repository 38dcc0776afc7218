// Live figures on campaign pages: the pledge count, pushed by the server (docs/protocol.md, /ws/c/<slug>/),
// and, on webinar live pages, taken from the live socket's messages (the "dewan:message" event).
(function () {
  "use strict";
  function showCount(message) {
    if (!message || message.type !== "pledge_count") return;
    document.querySelectorAll(`.pledge-live[data-campaign="${message.campaign_id}"]`).forEach((el) => {
      el.textContent = String(message.count);
      el.dataset.count = String(message.count);
    });
  }
  function showCard(message) {
    if (!message || message.type !== "resource_card") return;
    const card = document.getElementById("resource-card");
    const link = document.getElementById("resource-card-link");
    if (!card || !link) return;
    const malay = (document.documentElement.lang || "en").startsWith("ms");
    link.textContent = (malay ? message.title_ms || message.title_en : message.title_en || message.title_ms) || "";
    link.href = message.url;
    link.dataset.push = String(message.push_id);
    card.hidden = false;
  }
  document.addEventListener("dewan:message", (event) => {
    showCount(event.detail);
    showCard(event.detail);
  });

  const root = document.getElementById("campaign-live");
  if (!root || !root.dataset.ws) return;
  let backoff = 500;
  function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}${root.dataset.ws}`);
    let pinger = null;
    socket.onopen = () => {
      backoff = 500;
      root.dataset.state = "open";
      pinger = setInterval(() => socket.send('{"type":"ping"}'), 20000);
    };
    socket.onmessage = (event) => {
      try {
        showCount(JSON.parse(event.data));
      } catch (_error) {
        /* not JSON: ignore */
      }
    };
    socket.onclose = (event) => {
      root.dataset.state = "closed";
      clearInterval(pinger);
      if (event.code === 4404) return;
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 15000);
    };
  }
  connect();
})();
