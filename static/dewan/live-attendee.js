// The attendee live page: ask, vote, see published questions and your own questions' status.
(function () {
  "use strict";
  const { el, config, setConnection } = window.DewanDom;
  const cfg = config();
  const t = cfg.labels;
  const M = cfg.messages; // message type names, from realtime/protocol.py
  const state = {
    questions: new Map(),
    mine: new Map(),
    myVotes: new Set(),
    sort: "top",
    filter: "all",
    webinar: null,
    connected: false,
    sending: new Map(), // client_key -> {text, anonymous}: sent (or queued offline), not yet acknowledged
    retryUntil: 0, // while Date.now() < retryUntil, Send waits (slow mode, rate limit)
    accessEnded: false, // closed with 4403 after joining (registration cancelled, renewed, data deleted)
  };
  const lang = document.documentElement.lang || undefined;
  const relative = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(lang, { numeric: "auto" }) : null;
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_m, key) => String(values[key] ?? ""));
  const codePoints = (text) => Array.from(text || "").length; // what the server counts, not UTF-16 units
  const $ = (id) => document.getElementById(id);

  const form = $("ask-form");
  const textarea = $("ask-text");
  const counter = $("ask-counter");
  const errorLine = $("ask-error");
  const submit = $("ask-submit");

  function updateCounter() {
    const n = textarea ? codePoints(textarea.value.trim()) : 0;
    if (!counter) return;
    counter.textContent = `${n} / ${cfg.max_chars}`;
    counter.setAttribute("aria-label", fill(t.counter, { n, max: cfg.max_chars }));
    counter.classList.toggle("over", n > cfg.max_chars);
    if (submit) submit.disabled = n === 0 || n > cfg.max_chars || !askingOpen() || Date.now() < state.retryUntil;
  }

  // Screen readers hear new questions and status changes through one polite live region.
  function announce(text) {
    const region = $("live-announcer");
    if (!region || !text) return;
    region.textContent = "";
    setTimeout(() => (region.textContent = text), 50);
  }

  function ago(iso) {
    if (!iso || !relative) return "";
    const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
    if (Number.isNaN(seconds)) return "";
    const abs = Math.abs(seconds);
    if (abs < 60) return relative.format(Math.round(seconds), "second");
    if (abs < 3600) return relative.format(Math.round(seconds / 60), "minute");
    if (abs < 86400) return relative.format(Math.round(seconds / 3600), "hour");
    return relative.format(Math.round(seconds / 86400), "day");
  }

  function ended() {
    return !!state.webinar && state.webinar.status === "ended";
  }

  // Ended or cancelled: no host can approve a held question any more (docs/protocol.md, "After the end").
  function closedForQuestions() {
    return !!state.webinar && state.webinar.status !== "live" && state.webinar.status !== "scheduled";
  }

  // "try again in N s": counts down, then Send comes back (the text stays in the box meanwhile).
  let countdown = null;
  function waitThenRetry(seconds, message) {
    state.retryUntil = Date.now() + seconds * 1000;
    clearInterval(countdown);
    const tick = () => {
      const left = Math.ceil((state.retryUntil - Date.now()) / 1000);
      if (left <= 0) {
        clearInterval(countdown);
        state.retryUntil = 0;
        if (errorLine) errorLine.textContent = "";
      } else if (errorLine) {
        errorLine.textContent = `${message} (${t.retry_after.replace("%s", left)})`;
      }
      updateCounter();
    };
    tick();
    countdown = setInterval(tick, 1000);
  }

  function askingOpen() {
    const w = state.webinar;
    return !state.accessEnded && !!w && !w.questions_paused && (w.status === "live" || w.status === "scheduled");
  }

  // The registration no longer reaches this browser (docs/protocol.md, "Access ends mid-session"): the
  // line that said "Joined as" says so, the box and the votes stop taking input that could never be sent,
  // and what the server said stays on screen. The stream and the questions already shown stay.
  function renderAccessEnded() {
    if (!state.accessEnded) return;
    const joined = $("joined-as");
    if (joined) {
      joined.textContent = t.access_ended;
      joined.classList.add("access-ended");
    }
    const notice = $("ask-notice");
    if (notice) {
      notice.textContent = t.access_ended_notice;
      notice.hidden = false;
    }
    for (const control of [textarea, $("ask-anonymous"), submit]) if (control) control.disabled = true;
    state.sending.clear(); // queued questions can no longer be sent
    renderMine();
    renderQuestions();
  }

  function renderNotice() {
    const w = state.webinar;
    const notice = $("ask-notice");
    if (!notice || !w || state.accessEnded) return;
    let text = "";
    if (w.status === "ended") text = t.ended;
    else if (w.questions_paused) text = t.paused;
    else if (w.slow_mode_seconds) text = (w.slow_mode_seconds === 1 ? t.slow_mode_one : t.slow_mode).replace("%s", w.slow_mode_seconds);
    notice.textContent = text;
    notice.hidden = !text;
    $("webinar-status").textContent = t.status[w.status] || w.status;
    $("webinar-status").className = `badge ${w.status}`;
    renderEnded();
    updateCounter();
  }

  // After the end the status badge is the one place that says so: the pill keeps telling the connection
  // (answers and take-downs still arrive), the "watching" count goes (nobody watches an ended webinar),
  // and voting stops.
  function renderEnded() {
    document.body.dataset.webinarStatus = state.webinar ? state.webinar.status : "";
    const watching = $("watching-line");
    if (ended()) {
      if (watching) watching.hidden = true;
      // Nothing can be asked any more: the box and its options say so instead of accepting typing.
      for (const control of [textarea, $("ask-anonymous")]) if (control) control.disabled = true;
    }
  }

  function sorted() {
    let list = Array.from(state.questions.values());
    if (state.filter === "open") list = list.filter((q) => !q.answered);
    else if (state.filter === "answered") list = list.filter((q) => q.answered);
    if (state.sort === "new") list.sort((a, b) => (b.created_at || "").localeCompare(a.created_at || "") || b.id - a.id);
    else list.sort((a, b) => (b.pinned - a.pinned) || (b.votes - a.votes) || a.id - b.id);
    return list;
  }

  function renderQuestions() {
    const list = $("questions");
    const shown = sorted();
    list.replaceChildren(
      ...shown.map((q) => {
        const voted = state.myVotes.has(q.id);
        const closed = ended();
        const name = closed
          ? `${t.voting_closed} ${fill(q.votes === 1 ? t.upvote_named_one : t.upvote_named, { text: q.text, n: q.votes })}`
          : fill(q.votes === 1 ? t.upvote_named_one : t.upvote_named, { text: q.text, n: q.votes });
        const voteButton = el("button", {
          type: "button",
          class: voted ? "voted" : "",
          "aria-pressed": voted ? "true" : "false",
          "aria-label": name,
          title: closed ? t.voting_closed : t.upvote,
          disabled: !cfg.can_ask || closed || state.accessEnded,
          onclick: () => vote(q.id, !state.myVotes.has(q.id)),
          text: `▲ ${q.votes}`,
        });
        const mine = state.mine.has(q.id);
        return el(
          "li",
          {
            class: `q${q.pinned ? " pinned" : ""}${q.answered ? " answered" : ""}${mine ? " mine" : ""}`,
            dataset: { id: q.id },
          },
          el("div", { class: "votes" }, voteButton),
          el(
            "div",
            { class: "body" },
            el("div", { class: "text", text: q.text }),
            el(
              "div",
              { class: "meta" },
              q.author,
              q.created_at ? el("time", { class: "ago", datetime: q.created_at, text: ` · ${ago(q.created_at)}` }) : null,
              mine ? el("span", { class: "tag yours", text: t.yours }) : null,
              mine && state.mine.get(q.id).can_withdraw ? withdrawButton(state.mine.get(q.id)) : null,
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
    const none = $("questions-filtered-empty");
    if (none) none.hidden = !(state.questions.size > 0 && shown.length === 0);
  }

  function renderMine() {
    const box = $("mine");
    if (!box) return;
    const items = Array.from(state.mine.values()).filter(
      (q) => q.status !== "withdrawn" && (q.status !== "published" || (q.masked && q.masked.length)),
    );
    const sending = Array.from(state.sending.entries()).map(([key, frame]) =>
      el(
        "li",
        { class: "q sending", dataset: { clientKey: key } },
        el(
          "div",
          { class: "body" },
          el("div", { class: "text", text: frame.text }),
          el(
            "div",
            { class: "meta" },
            el("span", { class: "tag sending", text: t.sending }),
            state.connected ? null : el("span", { class: "offline", text: ` ${t.queued_offline}` }),
          ),
        ),
      ),
    );
    box.replaceChildren(
      ...sending,
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
            q.can_withdraw && q.status !== "published" ? withdrawButton(q) : null,
            // Questions received before the end still say they can be reviewed: after it, no host can approve.
            q.can_request_review && !closedForQuestions()
              ? el("button", { type: "button", class: "review", text: t.request_review, onclick: () => requestReview(q.id) })
              : q.review_requested
                ? el("p", { class: "meta", text: t.review_requested })
                : null,
          ),
        ),
      ),
    );
    $("mine-panel").hidden = items.length + sending.length === 0;
  }

  function applyMine(list) {
    state.mine = new Map(list.map((q) => [q.id, q]));
    renderMine();
  }

  const client = new window.DewanLive.LiveClient(cfg, {
    status(s) {
      state.connected = s === "open";
      // Refused after this page had joined: access ended mid-session, not "register or sign in".
      if (s === "forbidden" && cfg.can_ask && state.webinar) state.accessEnded = true;
      setConnection($("conn"), state.accessEnded ? "access_ended" : s, t.connection);
      renderEnded();
      renderMine();
      renderAccessEnded();
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
        if (m.type === M.question_published && !state.questions.has(d.question.id)) {
          announce(fill(t.new_question, { text: d.question.text }));
        }
        state.questions.set(d.question.id, d.question);
        if (d.question.pinned) {
          for (const q of state.questions.values()) if (q.id !== d.question.id) q.pinned = false;
        }
      } else if (m.type === M.question_removed) {
        state.questions.delete(d.question_id);
      } else if (m.type === M.webinar_status) {
        state.webinar.status = d.status;
        announce(fill(t.status_announce, { status: t.status[d.status] || d.status }));
        renderNotice();
        renderMine();
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
      if (!ended()) $("viewers").textContent = String(m.count);
    },
    [M.mine_question](m) {
      // It may arrive before the ask's ack (another stream): it replaces the "Sending…" copy all the same.
      state.sending.delete(m.question.client_key);
      state.mine.set(m.question.id, m.question);
      if (m.question.status === "withdrawn") state.questions.delete(m.question.id);
      renderMine();
      renderQuestions();
    },
    ack(m) {
      if (m.for === "ask") {
        state.sending.delete(m.client_key);
        state.mine.set(m.question.id, m.question);
        announce(m.question.status_label);
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
      // A refused question comes back to the box (unless something new was typed), to be sent later.
      const refused = m.for_type === "ask" && m.client_key && m.code !== "unavailable" ? state.sending.get(m.client_key) : null;
      if (refused) {
        state.sending.delete(m.client_key);
        if (textarea && !textarea.value.trim()) {
          textarea.value = refused.text;
          $("ask-anonymous").checked = !!refused.anonymous;
        }
        renderMine();
      }
      if (m.retry_after && m.code !== "unavailable") waitThenRetry(Math.ceil(m.retry_after), m.message);
      else if (errorLine) errorLine.textContent = m.message;
      announce(m.message);
      updateCounter();
    },
  });

  function vote(questionId, value) {
    if (ended() || state.accessEnded) return;
    if (value) state.myVotes.add(questionId);
    else state.myVotes.delete(questionId);
    renderQuestions();
    client.command({ type: "vote", question_id: questionId, value });
  }

  // The author takes back a question nobody has answered yet; asks first, in the page (no confirm()).
  function withdrawButton(q) {
    return el("button", {
      type: "button",
      class: "withdraw link",
      dataset: { withdraw: q.id },
      "aria-label": fill(t.withdraw_named, { text: q.text }),
      text: t.withdraw,
      onclick: (event) => {
        const button = event.currentTarget;
        if (button.dataset.armed !== "true") {
          button.dataset.armed = "true";
          button.textContent = t.withdraw_confirm;
          setTimeout(() => {
            button.dataset.armed = "";
            button.textContent = t.withdraw;
          }, 5000);
          return;
        }
        client.send({ type: "withdraw", question_id: q.id });
      },
    });
  }

  function requestReview(questionId) {
    client.send({ type: "request_review", question_id: questionId });
  }

  if (form) {
    textarea.addEventListener("input", updateCounter);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = textarea.value.trim();
      if (!text || codePoints(text) > cfg.max_chars || Date.now() < state.retryUntil) return;
      errorLine.textContent = "";
      const anonymous = $("ask-anonymous").checked;
      // Sent now if connected, else queued: live-client re-sends it once, with this client_key, on reconnect.
      const key = client.command({ type: "ask", text, anonymous });
      state.sending.set(key, { text, anonymous });
      textarea.value = "";
      renderMine();
      updateCounter();
    });
  }
  for (const button of document.querySelectorAll("[data-filter]")) {
    button.addEventListener("click", () => {
      state.filter = button.dataset.filter;
      document.querySelectorAll("[data-filter]").forEach((b) => {
        b.classList.toggle("current", b === button);
        b.setAttribute("aria-pressed", b === button ? "true" : "false");
      });
      renderQuestions();
    });
  }
  setInterval(() => {
    document.querySelectorAll("#questions time.ago").forEach((node) => {
      node.textContent = ` · ${ago(node.getAttribute("datetime"))}`;
    });
  }, 30000);
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
