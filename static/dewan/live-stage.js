// The stage view (OBS browser source or projector): the pinned question and the live count.
(function () {
  "use strict";
  const { config } = window.DewanDom;
  const cfg = config();
  const M = cfg.messages; // message type names, from realtime/protocol.py
  const questions = new Map();
  const $ = (id) => document.getElementById(id);
  function render() {
    const pinned = Array.from(questions.values()).find((q) => q.pinned);
    $("stage-question").textContent = pinned ? pinned.text : cfg.labels.no_pinned;
    $("stage-author").textContent = pinned ? `— ${pinned.author} · ▲ ${pinned.votes}` : "";
  }
  const client = new window.DewanLive.LiveClient(cfg, {
    snapshot(m) {
      questions.clear();
      for (const q of m.questions) questions.set(q.id, q);
      render();
    },
    event(m) {
      if (m.type === M.question_published || m.type === M.question_updated) questions.set(m.data.question.id, m.data.question);
      if (m.type === M.question_removed) questions.delete(m.data.question_id);
      render();
    },
    votes(m) {
      for (const [id, n] of Object.entries(m.counts)) {
        const q = questions.get(Number(id));
        if (q) q.votes = n;
      }
      render();
    },
    presence(m) {
      $("stage-count").textContent = String(m.count);
    },
  });
  client.start();
})();
