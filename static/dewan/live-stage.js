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
  // Nobody watches an ended webinar: the count goes, as on the attendee page and the host console.
  let over = false;
  function renderStatus(status) {
    over = status === "ended";
    $("stage-watching").hidden = over;
  }
  const client = new window.DewanLive.LiveClient(cfg, {
    snapshot(m) {
      questions.clear();
      for (const q of m.questions) questions.set(q.id, q);
      renderStatus(m.webinar.status);
      render();
    },
    event(m) {
      if (m.type === M.webinar_status) renderStatus(m.data.status);
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
      if (over) return; // a count still in flight at the end (docs/protocol.md, "After the end")
      $("stage-count").textContent = String(m.count);
    },
  });
  client.start();
})();
