// The attendee live page: ask, vote, see published questions and your own questions' status.
(function () {
  "use strict";
  const { el, config, setConnection } = window.DewanDom;
  const cfg = config();
  const t = cfg.labels;
  const M = cfg.messages; // message type names, from realtime/protocol.py
  const state = { questions: new Map(), mine: new Map(), myVotes: new Set(), sort: "top", webinar: null };
  const $ = (id) => document.getElementById(id);

  const form = $("ask-form");
  const textarea = $("ask-text");
  const counter = $("ask-counter");
  const errorLine = $("ask-error");
  const submit = $("ask-submit");

  function updateCounter() {
    const n = textarea ? textarea.value.length : 0;
    if (!counter) return;
    counter.textContent = `${n} / ${cfg.max_chars}`;
    counter.classList.toggle("over", n > cfg.max_chars);
    if (submit) submit.disabled = n === 0 || n > cfg.max_chars || !askingOpen();
  }

  function askingOpen() {
    const w = state.webinar;
    return !!w && !w.questions_paused && (w.status === "live" || w.status === "scheduled");
  }

  function renderNotice() {
    const w = state.webinar;
    const notice = $("ask-notice");
    if (!notice || !w) return;
    let text = "";
    if (w.status === "ended") text = t.ended;
    else if (w.questions_paused) text = t.paused;
    else if (w.slow_mode_seconds) text = t.slow_mode.replace("%s", w.slow_mode_seconds);
    notice.textContent = text;
    notice.hidden = !text;
    $("webinar-status").textContent = t.status[w.status] || w.status;
    $("webinar-status").className = `badge ${w.status}`;
    updateCounter();
  }

  function sorted() {
    const list = Array.from(state.questions.values());
    if (state.sort === "new") list.sort((a, b) => (b.created_at || "").localeCompare(a.created_at || "") || b.id - a.id);
    else list.sort((a, b) => (b.pinned - a.pinned) || (b.votes - a.votes) || a.id - b.id);
    return list;
  }

  function renderQuestions() {
    const list = $("questions");
    list.replaceChildren(
      ...sorted().map((q) => {
        const voted = state.myVotes.has(q.id);
        const voteButton = el("button", {
          type: "button",
          class: voted ? "voted" : "",
          "aria-pressed": voted ? "true" : "false",
          title: t.upvote,
          disabled: !cfg.can_ask,
          onclick: () => vote(q.id, !state.myVotes.has(q.id)),
          text: `▲ ${q.votes}`,
        });
        return el(
          "li",
          { class: `q${q.pinned ? " pinned" : ""}${q.answered ? " answered" : ""}`, dataset: { id: q.id } },
          el("div", { class: "votes" }, voteButton),
          el(
            "div",
            { class: "body" },
            el("div", { class: "text", text: q.text }),
            el(
              "div",
              { class: "meta" },
              q.author,
              q.pinned ? el("span", { class: "tag pinned", text: t.pinned }) : null,
              q.answered ? el("span", { class: "tag answered", text: t.answered }) : null,
              q.edited ? el("span", { class: "tag", text: t.edited }) : null,
            ),
          ),
        );
      }),
    );
    $("question-count").textContent = String(state.questions.size);
    const empty = $("questions-empty");
    if (empty) empty.hidden = state.questions.size > 0;
  }

  function renderMine() {
    const box = $("mine");
    if (!box) return;
    const items = Array.from(state.mine.values()).filter((q) => q.status !== "published" || (q.masked && q.masked.length));
    box.replaceChildren(
      ...items.map((q) =>
        el(
          "li",
          { class: "q", dataset: { id: q.id } },
          el(
            "div",
            { class: "body" },
            el("div", { class: "text", text: q.text }),
            el("div", { class: "meta" }, el("span", { class: `tag ${q.status}`, text: q.status_label })),
            q.reasons && q.reasons.length
              ? el("ul", { class: "reasons" }, q.reasons.map((r) => el("li", { text: r.message })))
              : null,
            q.reject_reason ? el("p", { class: "reasons", text: `${t.host_reason}: ${q.reject_reason}` }) : null,
            q.masked && q.masked.length ? el("p", { class: "meta masked", text: `${t.masked}: ${q.masked.join(", ")}` }) : null,
            q.care_reply ? el("p", { class: "notice care-reply", text: `${t.care_reply_from_host}: ${q.care_reply}` }) : null,
            q.care_message ? el("p", { class: "notice", text: q.care_message }) : null,
            q.care_resources ? el("div", { class: "resources", text: q.care_resources }) : null,
            q.can_request_review
              ? el("button", { type: "button", class: "review", text: t.request_review, onclick: () => requestReview(q.id) })
              : q.review_requested
                ? el("p", { class: "meta", text: t.review_requested })
                : null,
          ),
        ),
      ),
    );
    $("mine-panel").hidden = items.length === 0;
  }

  function applyMine(list) {
    state.mine = new Map(list.map((q) => [q.id, q]));
    renderMine();
  }

  const client = new window.DewanLive.LiveClient(cfg, {
    status(s) {
      setConnection($("conn"), s, t.connection);
    },
    welcome(m) {
      state.webinar = m.webinar;
      renderNotice();
    },
    snapshot(m) {
      state.webinar = m.webinar;
      state.questions = new Map(m.questions.map((q) => [q.id, q]));
      state.myVotes = new Set(m.my_votes);
      applyMine(m.mine);
      renderNotice();
      renderQuestions();
    },
    synced(m) {
      state.myVotes = new Set(m.my_votes);
      for (const [id, n] of Object.entries(m.votes || {})) {
        const q = state.questions.get(Number(id));
        if (q) q.votes = n;
      }
      applyMine(m.mine);
      renderQuestions();
    },
    event(m) {
      const d = m.data;
      if (m.type === M.question_published || m.type === M.question_updated) {
        state.questions.set(d.question.id, d.question);
        if (d.question.pinned) {
          for (const q of state.questions.values()) if (q.id !== d.question.id) q.pinned = false;
        }
      } else if (m.type === M.question_removed) {
        state.questions.delete(d.question_id);
      } else if (m.type === M.webinar_status) {
        state.webinar.status = d.status;
        renderNotice();
      } else if (m.type === M.webinar_settings) {
        Object.assign(state.webinar, d);
        renderNotice();
      }
      renderQuestions();
    },
    votes(m) {
      for (const [id, n] of Object.entries(m.counts)) {
        const q = state.questions.get(Number(id));
        if (q) q.votes = n;
      }
      renderQuestions();
    },
    presence(m) {
      $("viewers").textContent = String(m.count);
    },
    [M.mine_question](m) {
      state.mine.set(m.question.id, m.question);
      renderMine();
    },
    ack(m) {
      if (m.for === "ask") {
        state.mine.set(m.question.id, m.question);
        renderMine();
        if (m.question.status === "published") state.questions.set(m.question.id, m.question);
        renderQuestions();
      } else if (m.for === "vote") {
        if (m.voted) state.myVotes.add(m.question_id);
        else state.myVotes.delete(m.question_id);
        const q = state.questions.get(m.question_id);
        if (q) q.votes = m.votes;
        renderQuestions();
      }
    },
    error(m) {
      let text = m.message;
      if (m.retry_after) text += ` (${t.retry_after.replace("%s", Math.ceil(m.retry_after))})`;
      if (errorLine) errorLine.textContent = text;
    },
  });

  function vote(questionId, value) {
    if (value) state.myVotes.add(questionId);
    else state.myVotes.delete(questionId);
    renderQuestions();
    client.command({ type: "vote", question_id: questionId, value });
  }

  function requestReview(questionId) {
    client.send({ type: "request_review", question_id: questionId });
  }

  if (form) {
    textarea.addEventListener("input", updateCounter);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = textarea.value.trim();
      if (!text || text.length > cfg.max_chars) return;
      errorLine.textContent = "";
      client.command({ type: "ask", text, anonymous: $("ask-anonymous").checked });
      textarea.value = "";
      updateCounter();
    });
  }
  for (const button of document.querySelectorAll("[data-sort]")) {
    button.addEventListener("click", () => {
      state.sort = button.dataset.sort;
      document.querySelectorAll("[data-sort]").forEach((b) => b.classList.toggle("current", b === button));
      renderQuestions();
    });
  }
  updateCounter();
  client.start();
  window.dewanClient = client;
})();
