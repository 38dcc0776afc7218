// Live polls on the attendee page, the host console and the stage view (docs/protocol.md, "Live polls").
// Reads the live socket's messages through the "dewan:message" event; sends through window.dewanClient.
(function () {
  "use strict";
  const card = document.getElementById("poll-card");
  if (!card) return;
  const mode = card.dataset.mode;
  const L = card.dataset; // translated labels (data-label-*)
  const malay = (document.documentElement.lang || "en").startsWith("ms");
  const $ = (id) => document.getElementById(id);
  const M = window.DewanDom.config().messages; // message type names, from realtime/protocol.py
  let poll = null;
  let results = null;
  let answered = false;
  // Closed polls with their final results, in closing order (the snapshot's closed_polls, then
  // poll.closed events): the newest is shown in the card when no poll is open, the rest below it.
  let closed = [];

  const text = (en, ms) => (malay ? ms || en : en || ms) || "";
  const node = (tag, cls, content) => {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    if (content !== undefined) el.textContent = content;
    return el;
  };
  const key = () => (window.DewanLive ? window.DewanLive.randomKey() : String(Date.now()));

  function labels(shown) {
    if (!shown) return [];
    if (shown.kind === "rating") return ["1", "2", "3", "4", "5"];
    return shown.options.map((o) => text(o.en, o.ms));
  }

  function renderResults() {
    const box = $("poll-results");
    box.replaceChildren();
    if (poll && results) fillResults(box, poll, results);
  }

  function fillResults(box, shown, results) {
    const voters = results.voters;
    box.append(node("p", "meta poll-voters", `${voters} ${voters === 1 ? L.labelVoter : L.labelVoters}`));
    if (shown.kind === "words") {
      const cloud = node("p", "poll-words");
      const top = results.words.length ? results.words[0].count : 1;
      for (const w of results.words) {
        const span = node("span", "poll-word", w.word);
        span.style.fontSize = `${1 + w.count / top}em`;
        span.dataset.count = String(w.count);
        cloud.append(span, " ");
      }
      box.append(cloud);
      return;
    }
    const rows = node("ol", "poll-bars");
    labels(shown).forEach((label, index) => {
      const count = results.counts[index] || 0;
      const share = voters ? Math.round((100 * count) / voters) : 0;
      const row = node("li", "poll-bar");
      row.dataset.index = String(index);
      row.dataset.count = String(count);
      const bar = node("span", "bar");
      bar.style.width = `${share}%`;
      row.append(node("span", "label", label), bar, node("span", "count", `${count} (${share}%)`));
      rows.append(row);
    });
    box.append(rows);
    if (shown.kind === "rating" && results.average !== null) {
      box.append(node("p", "poll-average", `${L.labelAverage}: ${results.average}`));
    }
  }

  function renderForm() {
    const form = $("poll-form");
    if (!form) return;
    form.hidden = !poll || poll.status !== "open" || answered;
    const options = $("poll-options");
    options.replaceChildren();
    if (form.hidden) return;
    if (poll.kind === "words") {
      const input = node("input");
      input.type = "text";
      input.name = "word";
      input.maxLength = 40;
      input.placeholder = L.labelWord;
      input.setAttribute("aria-label", L.labelWord);
      options.append(input);
      return;
    }
    const type = poll.kind === "multiple" ? "checkbox" : "radio";
    labels(poll).forEach((label, index) => {
      const wrap = node("label", "check");
      const input = node("input");
      input.type = type;
      input.name = "choice";
      input.value = String(index);
      wrap.append(input, " ", label);
      options.append(wrap);
    });
  }

  function renderHistory() {
    // The stage view (OBS) shows one poll at a time: the open one, or the last closed.
    const earlier = mode === "stage" ? [] : closed.filter((item) => !poll || item.poll.id !== poll.id).reverse();
    const list = $("poll-history-list");
    list.replaceChildren();
    $("poll-history").hidden = !earlier.length;
    $("poll-history-count").textContent = String(earlier.length);
    for (const item of earlier) {
      const li = node("li", "poll-past");
      li.dataset.poll = String(item.poll.id);
      li.append(node("p", "poll-question", text(item.poll.question_en, item.poll.question_ms)));
      const box = node("div", "poll-results");
      fillResults(box, item.poll, item.results);
      li.append(box);
      list.append(li);
    }
  }

  function render() {
    $("poll-live").hidden = !poll;
    renderHistory();
    if (mode !== "host") card.hidden = !poll;
    if (!poll) return;
    $("poll-question").textContent = text(poll.question_en, poll.question_ms);
    $("poll-status").textContent = poll.status === "closed" ? L.labelClosed : answered ? L.labelThanks : "";
    card.dataset.poll = String(poll.id);
    card.dataset.status = poll.status;
    renderForm();
    renderResults();
    if (mode === "host") {
      document.querySelectorAll("#host-polls li[data-poll]").forEach((li) => {
        if (li.dataset.poll === String(poll.id)) li.dataset.status = poll.status;
        const status = li.dataset.status;
        li.querySelector(".poll-launch").hidden = status !== "draft";
        li.querySelector(".poll-close").hidden = status !== "open";
        const edit = li.querySelector(".poll-edit");
        if (edit) edit.hidden = status !== "draft";
        li.querySelector(".poll-state").textContent = status === "closed" ? L.labelStateClosed : "";
      });
    }
  }

  function show(next, nextResults, wasAnswered) {
    if (!poll || poll.id !== next.id) answered = false;
    poll = next;
    results = nextResults;
    if (wasAnswered !== undefined) answered = wasAnswered;
    if (next.status === "closed") {
      closed = closed.filter((item) => item.poll.id !== next.id);
      closed.push({ poll: next, results: nextResults });
    }
    render();
  }

  document.addEventListener("dewan:message", (event) => {
    const m = event.detail;
    if (!m) return;
    if (m.type === M.snapshot) {
      closed = (m.closed_polls || []).slice();
      const latest = closed[closed.length - 1];
      if (m.poll) show(m.poll.poll, m.poll.results, m.poll.answered);
      else if (latest) show(latest.poll, latest.results);
      else {
        poll = null;
        render();
      }
    } else if (m.type === M.poll_launched || m.type === M.poll_closed) {
      show(m.data.poll, m.data.results);
    } else if (m.type === M.poll_results) {
      if (poll && m.poll_id === poll.id && (!results || m.version > results.version)) {
        results = m;
        renderResults();
      }
    } else if (m.type === M.ack && m.for === "poll_vote") {
      answered = true;
      render();
      if (m.counted === false) $("poll-status").textContent = L.labelHeld;
    } else if (m.type === M.error && (m.for_type || "").startsWith("poll_")) {
      if (m.code === "already_voted") answered = true;
      render();
      const line = $("poll-error") || document.getElementById("host-error");
      if (line) line.textContent = m.message;
    }
  });

  const form = $("poll-form");
  if (form) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!poll || !window.dewanClient) return;
      const frame = { type: "poll_vote", poll_id: poll.id, client_key: key() };
      if (poll.kind === "words") {
        frame.word = form.querySelector("input[name=word]").value;
      } else {
        const picked = Array.from(form.querySelectorAll("input[name=choice]:checked")).map((i) => Number(i.value));
        if (!picked.length) {
          $("poll-error").textContent = L.labelChoose;
          return;
        }
        if (poll.kind === "rating") frame.rating = picked[0] + 1;
        else frame.choices = picked;
      }
      $("poll-error").textContent = "";
      window.dewanClient.command(frame);
    });
  }
  card.addEventListener("click", (event) => {
    const button = event.target.closest("button.poll-launch, button.poll-close");
    if (!button || !window.dewanClient) return;
    const type = button.classList.contains("poll-launch") ? "poll_launch" : "poll_close";
    window.dewanClient.command({ type, poll_id: Number(button.dataset.poll), client_key: key() });
  });
})();
