// The host console: the incoming queue with screening verdicts, moderation, controls, shortcuts.
(function () {
  "use strict";
  const { el, highlighted, config, setConnection, timeAgo } = window.DewanDom;
  const cfg = config();
  const t = cfg.labels;
  const M = cfg.messages; // message type names, from realtime/protocol.py
  const $ = (id) => document.getElementById(id);
  const state = { questions: new Map(), webinar: null, selected: null, muted: new Set() };
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_m, key) => String(values[key] ?? ""));
  const UNDO_SECONDS = 6;
  const limits = cfg.text_limits || {};
  // What undoes each action (merge and approve have no exact inverse, so they offer none).
  const INVERSE = { pin: "unpin", unpin: "pin", answer: "unanswer", unanswer: "answer", mute: "unmute", unmute: "mute", reject: "approve" };
  const INCOMING = new Set(["pending", "checking", "held", "blocked"]);

  const client = new window.DewanLive.LiveClient(cfg, {
    status(s) {
      setConnection($("conn"), s, t.connection);
    },
    welcome(m) {
      state.webinar = m.webinar;
      renderControls();
    },
    snapshot(m) {
      state.webinar = m.webinar;
      state.questions = new Map(m.queue.filter((q) => q.status !== "withdrawn").map((q) => [q.id, q]));
      state.muted = new Set(m.queue.filter((q) => q.author_muted && q.author_id).map((q) => q.author_id));
      renderControls();
      render();
    },
    synced(m) {
      for (const [id, n] of Object.entries(m.votes || {})) {
        const q = state.questions.get(Number(id));
        if (q) q.votes = n;
      }
      render();
    },
    event(m) {
      const d = m.data;
      if (m.type === M.staff_question) {
        const before = state.questions.get(d.question.id);
        if (d.question.status === "merged" || d.question.status === "withdrawn") state.questions.delete(d.question.id);
        else state.questions.set(d.question.id, d.question);
        if (d.question.author_id && d.question.author_muted) state.muted.add(d.question.author_id);
        else if (d.question.author_id && d.question.author_muted === false) state.muted.delete(d.question.author_id);
        if (d.question.care && !d.question.care_handled && !before) careAlert();
      } else if (m.type === M.question_updated || m.type === M.question_published) {
        const known = state.questions.get(d.question.id);
        if (known) Object.assign(known, { votes: d.question.votes, pinned: d.question.pinned, answered: d.question.answered });
      } else if (m.type === M.webinar_status) {
        state.webinar.status = d.status;
        renderControls();
      } else if (m.type === M.webinar_settings) {
        Object.assign(state.webinar, d);
        renderControls();
      } else if (m.type === M.staff_attendee) {
        if (d.muted) state.muted.add(d.registration_id);
        else state.muted.delete(d.registration_id);
      }
      render();
    },
    votes(m) {
      for (const [id, n] of Object.entries(m.counts)) {
        const q = state.questions.get(Number(id));
        if (q) q.votes = n;
      }
      render();
    },
    presence(m) {
      $("viewers").textContent = String(m.count);
    },
    presence_detail(m) {
      $("viewers").textContent = String(m.count);
      const languages = Object.entries(m.languages || {})
        .map(([code, n]) => `${code.toUpperCase()} ${n}`)
        .join(", ");
      $("viewers-detail").textContent =
        `(${t.registered} ${m.registered} · ${t.guests} ${m.guests}${languages ? ` · ${languages}` : ""})`;
    },
    error(m) {
      $("host-error").textContent = m.message;
      // The server refused the action the undo bar just announced ("#12 rejected. Undo"): take the
      // announcement and its undo back, so the error line is the only word about it.
      if (announced && m.for_type === announced) {
        $("undo-bar").hidden = true;
        clearTimeout(undoTimer);
        announced = null;
      }
    },
    ack() {
      $("host-error").textContent = "";
    },
  });

  // Someone may be in distress: hosts hear about it first, before anything else in the queue.
  function careAlert() {
    const banner = $("care-alert");
    banner.hidden = false;
    if (!document.title.startsWith("⚠")) document.title = `⚠ ${document.title}`;
    $("section-care").scrollIntoView({ block: "start", behavior: "smooth" });
  }

  function act(type, questionId, extra) {
    client.send({ type, question_id: questionId, ...(extra || {}) });
  }

  // After an action: say what happened, offer to undo it for a few seconds, and move on to the next
  // held question when the acted-on one leaves the incoming queue.
  let undoTimer = null;
  let announced = null; // the command type the undo bar is announcing, until it hides
  // The name an action goes by for this question: its button and the toast after it both use it
  // ("Publish anyway" -> "Published #18 anyway.", never "Approved" for a button that said otherwise).
  function actionName(type, q) {
    return type === "approve" && q.publish_overrides ? "publish_anyway" : type;
  }

  function acted(type, q, undo) {
    const bar = $("undo-bar");
    const name = actionName(type, q);
    announced = type;
    $("undo-text").textContent = fill((t.done || {})[name] || name, { q: `#${q.id}` });
    const button = $("undo-button");
    button.textContent = t.undo;
    button.hidden = !undo;
    button.onclick = () => {
      bar.hidden = true;
      announced = null;
      clearTimeout(undoTimer);
      if (undo) undo();
    };
    bar.hidden = false;
    clearTimeout(undoTimer);
    undoTimer = setTimeout(() => {
      bar.hidden = true;
      announced = null;
    }, UNDO_SECONDS * 1000);
    if (INCOMING.has(q.status) && ["approve", "publish_anyway", "reject", "merge"].includes(type)) selectNextIncoming(q.id);
  }

  function selectNextIncoming(afterId) {
    const ids = Array.from(document.querySelectorAll("#list-incoming li.q")).map((li) => Number(li.dataset.id));
    const rest = ids.filter((id) => id !== afterId);
    const next = rest.find((id) => ids.indexOf(id) > ids.indexOf(afterId)) ?? rest[0];
    if (next !== undefined) select(next);
  }

  // The in-page dialog (no window.prompt or confirm): shows the question (or, with no question, a line
  // of ``body``), takes a reason, a new text, a reply, or a merge target found by searching the published
  // questions. ``danger``: an action that cannot be undone, so its button is red and Cancel has the focus
  // (Enter or Escape then does nothing harmful). ``limit``: the most characters the server takes for the
  // text (cfg.text_limits), counted under the box; ``required``: OK stays disabled while the text is empty.
  function openDialog({ title, q, body, label, text, limit, required, merge, ok, danger, onOk }) {
    const dialog = $("host-dialog");
    $("host-dialog-title").textContent = title;
    const quoted = $("host-dialog-question");
    quoted.textContent = q ? q.text : "";
    quoted.hidden = !q;
    const note = $("host-dialog-body");
    note.textContent = body || "";
    note.hidden = !body;
    $("host-dialog-ok").className = danger ? "danger" : "primary";
    const area = $("host-dialog-text");
    const areaLabel = $("host-dialog-label");
    area.hidden = areaLabel.hidden = label === undefined;
    areaLabel.textContent = label || "";
    area.value = text || "";
    const mergeBox = $("host-dialog-merge");
    mergeBox.hidden = !merge;
    let target = null;
    const search = $("host-dialog-search");
    search.placeholder = t.merge_search;
    search.setAttribute("aria-label", t.merge_search);
    search.value = "";
    function renderTargets() {
      const needle = search.value.trim().toLowerCase().replace(/^#/, "");
      const options = Array.from(state.questions.values())
        .filter((other) => other.status === "published" && (!q || other.id !== q.id) && !other.care)
        .filter((other) => !needle || String(other.id) === needle || other.text.toLowerCase().includes(needle))
        .sort((a, b) => b.votes - a.votes || a.id - b.id)
        .slice(0, 30);
      if (target !== null && !options.some((o) => o.id === target)) target = null;
      $("host-dialog-targets").replaceChildren(
        ...(options.length
          ? options.map((other) =>
              el("li", {
                role: "option",
                tabindex: "0",
                "aria-selected": target === other.id ? "true" : "false",
                dataset: { id: other.id },
                text: `#${other.id} ${other.text}`,
                onclick: () => {
                  target = other.id;
                  renderTargets();
                },
              }),
            )
          : [el("li", { class: "empty", text: t.merge_none })]),
      );
      $("host-dialog-ok").disabled = merge && target === null;
    }
    search.oninput = renderTargets;
    if (merge) renderTargets();
    else $("host-dialog-ok").disabled = false;
    const counter = $("host-dialog-counter");
    if (limit) area.maxLength = limit;
    else area.removeAttribute("maxlength");
    counter.hidden = !limit || label === undefined;
    function checkText() {
      if (label === undefined) return;
      const length = area.value.trim().length;
      counter.textContent = `${area.value.length} / ${limit}`;
      counter.classList.toggle("over", !!limit && area.value.length > limit);
      $("host-dialog-ok").disabled = (required && length === 0) || (!!limit && length > limit);
    }
    area.oninput = checkText;
    checkText();
    $("host-dialog-ok").textContent = ok;
    $("host-dialog-cancel").textContent = t.cancel;
    $("host-dialog-cancel").onclick = () => dialog.close("cancel");
    dialog.onclose = () => {
      if (dialog.returnValue === "ok") onOk({ text: area.value, target });
      dialog.returnValue = "";
    };
    dialog.showModal();
    (merge ? search : label !== undefined ? area : danger ? $("host-dialog-cancel") : $("host-dialog-ok")).focus();
  }

  // The server says which actions apply to each question (q.allowed) and whether publishing it
  // overrides screening (q.publish_overrides); the console only offers those.
  // After the end the queue is read-only except taking content down and care (docs/protocol.md,
  // "After the end"); questions sent before the end still list their live actions, so drop the rest.
  const AFTER_END = new Set(["reject", "care_handled", "care_reply"]);
  function allowedNow(q) {
    return (q.allowed || []).filter((type) => !ended() || AFTER_END.has(type));
  }

  function actionsFor(q) {
    const allowed = new Set(allowedNow(q));
    const list = [];
    const add = (type, label, cls) => {
      if (allowed.has(type)) {
        list.push(el("button", { type: "button", class: cls || "", dataset: { action: type }, text: label, onclick: () => run(type, q) }));
      }
    };
    add("approve", t[actionName("approve", q)], "primary");
    if (q.answered) add("unanswer", t.unanswer);
    else add("answer", t.answer, "primary");
    if (q.pinned) add("unpin", t.unpin);
    else add("pin", t.pin);
    add("edit", t.edit);
    add("merge", t.merge);
    add("reject", t.reject);
    add("care_reply", t.care_reply, "primary");
    if (!q.care_handled) add("care_handled", t.care_handled);
    if (q.author_id && state.muted.has(q.author_id)) add("unmute", t.unmute);
    else if (q.author_id) add("mute", t.mute);
    return el("div", { class: "actions" }, list);
  }

  function run(type, q, extra) {
    if (!allowedNow(q).includes(type)) return; // the server would refuse it anyway
    const undoWith = (inverse, payload) => () => act(inverse, q.id, payload);
    if (type === "care_reply") {
      openDialog({
        title: t.care_reply_title, q, label: t.care_reply_prompt, ok: t.care_reply,
        limit: limits.care_reply, required: true,
        onOk: ({ text }) => text.trim() && act("care_reply", q.id, { text }),
      });
    } else if (type === "reject") {
      openDialog({
        title: t.reject_title, q, label: t.reject_reason_label, ok: t.reject, limit: limits.reject,
        onOk: ({ text }) => {
          act("reject", q.id, { reason: text });
          acted("reject", q, !ended() && ((q.allowed || []).includes("approve") || q.status === "published") ? undoWith("approve") : null);
        },
      });
    } else if (type === "edit") {
      const previous = q.text;
      openDialog({
        title: t.edit_title, q, label: t.edit_prompt, text: q.text, ok: t.edit,
        limit: limits.edit, required: true,
        onOk: ({ text }) => {
          if (!text.trim() || text.trim() === previous) return;
          act("edit", q.id, { text });
          acted("edit", q, undoWith("edit", { text: previous }));
        },
      });
    } else if (type === "merge") {
      openDialog({
        title: t.merge_title, q, merge: true, ok: t.merge,
        onOk: ({ target }) => {
          if (!target) return;
          act("merge", q.id, { into_id: target });
          acted("merge", q, null);
        },
      });
    } else {
      act(type, q.id, extra);
      if (type === "mute") state.muted.add(q.author_id);
      if (type === "unmute") state.muted.delete(q.author_id);
      const inverse = INVERSE[type];
      const undo = inverse === "mute" || inverse === "unmute"
        ? () => { act(inverse, q.id); if (inverse === "mute") state.muted.add(q.author_id); else state.muted.delete(q.author_id); render(); }
        : inverse ? undoWith(inverse) : null;
      acted(type, q, undo);
      render();
    }
  }

  function ended() {
    return !!state.webinar && state.webinar.status === "ended";
  }

  // The tags that are there, each after a space.
  function spaced(...tags) {
    return tags.filter(Boolean).flatMap((tag) => [" ", tag]);
  }

  // A screening category or model head in words (the code itself when it has none).
  function word(code) {
    return t.categories[code] || code;
  }

  // A reason's message, with the matched words after it only when the message does not quote them.
  function reasonText(r) {
    return r.matched && !r.message.includes(r.matched) ? `${r.message} «${r.matched}»` : r.message;
  }

  function card(q) {
    const s = q.screening || {};
    const reasons = s.reasons || [];
    return el(
      "li",
      {
        class: `q${q.pinned ? " pinned" : ""}${q.answered ? " answered" : ""}${state.selected === q.id ? " selected" : ""}`,
        dataset: { id: q.id, status: q.status },
        onclick: () => select(q.id),
      },
      el("div", { class: "votes" }, el("strong", { text: String(q.votes) }), el("div", { class: "meta", text: t.votes })),
      el(
        "div",
        { class: "body" },
        el("div", {}, el("span", { class: "qid", text: `#${q.id}` }), highlighted(q.text, reasons)),
        el(
          "div",
          { class: "meta" },
          `${q.author}${q.anonymous ? ` (${t.anonymous})` : ""} · ${timeAgo(q.created_at)}`,
          // A space between tags: read aloud (and copied) they are separate words, not "1 sHeld".
          spaced(
            el("span", { class: `tag ${q.status}`, text: t.question_status[q.status] || q.status }),
            q.pinned ? el("span", { class: "tag pinned", text: t.pinned }) : null,
            q.answered ? el("span", { class: "tag answered", text: t.answered }) : null,
            q.edited ? el("span", { class: "tag edited", text: t.edited_tag }) : null,
            q.author_id && state.muted.has(q.author_id) ? el("span", { class: "tag muted", text: t.muted_badge }) : null,
            q.review_requested && INCOMING.has(q.status) ? el("span", { class: "tag held", text: t.review_flag }) : null,
            q.care_handled ? el("span", { class: "tag", text: t.care_handled_tag }) : null,
            q.care_replied ? el("span", { class: "tag", text: t.care_replied_tag }) : null,
            q.masked && q.masked.length ? el("span", { class: "tag", text: `${t.masked}: ${q.masked.join(", ")}` }) : null,
            s.categories && s.categories.length ? el("span", { class: "tag", text: s.categories.map(word).join(", ") }) : null,
            typeof s.score === "number" ? el("span", { class: "tag", text: `${t.score} ${s.score.toFixed(2)}` }) : null,
            s.fired && s.fired.length
              ? el("span", { class: "tag held", title: t.heads_fired, text: s.fired.map((h) => `${word(h)} ${(s.heads[h] || 0).toFixed(2)}`).join(", ") })
              : null,
          ),
        ),
        reasons.length && q.status !== "published" ? el("ul", { class: "reasons" }, reasons.map((r) => el("li", { text: reasonText(r) }))) : null,
        q.reject_reason ? el("p", { class: "reasons", text: q.reject_reason }) : null,
        actionsFor(q),
      ),
    );
  }

  function render() {
    const all = Array.from(state.questions.values());
    const byNewest = (a, b) => b.id - a.id;
    const byVotes = (a, b) => (b.pinned - a.pinned) || (a.answered - b.answered) || (b.votes - a.votes) || a.id - b.id;
    const groups = {
      care: all.filter((q) => q.care).sort(byNewest),
      incoming: all.filter((q) => !q.care && INCOMING.has(q.status)).sort((a, b) => (b.review_requested - a.review_requested) || a.id - b.id),
      published: all.filter((q) => !q.care && q.status === "published").sort(byVotes),
      rejected: all.filter((q) => !q.care && q.status === "rejected").sort(byNewest),
    };
    for (const [name, items] of Object.entries(groups)) {
      $(`list-${name}`).replaceChildren(
        ...(items.length ? items.map(card) : [el("li", { class: "empty", text: (t.empty || {})[name] || "" })]),
      );
      $(`count-${name}`).textContent = String(items.length);
    }
    $("section-care").hidden = groups.care.length === 0;
    // The banner is for care messages nobody has handled yet; it goes when none is left.
    const careOpen = groups.care.some((q) => !q.care_handled);
    $("care-alert").hidden = !careOpen;
    if (!careOpen && document.title.startsWith("⚠ ")) document.title = document.title.slice(2);
    const pinned = groups.published.find((q) => q.pinned);
    $("pinned-now").textContent = pinned ? pinned.text : t.no_pinned;
  }

  function renderControls() {
    const w = state.webinar;
    if (!w) return;
    $("webinar-status").textContent = t.status[w.status] || w.status;
    $("webinar-status").className = `badge ${w.status}`;
    $("btn-pause").hidden = w.questions_paused;
    $("btn-resume").hidden = !w.questions_paused;
    $("btn-start").hidden = w.status !== "scheduled";
    $("btn-end").hidden = w.status !== "live";
    $("slow-seconds").value = w.slow_mode_seconds;
    // After the end there is nothing to pause, slow down or moderate with keys.
    const over = w.status === "ended";
    for (const id of ["btn-pause", "btn-resume", "slow-form", "shortcuts"]) if (over) $(id).hidden = true;
    // An empty box is not left behind (the error line sits outside it).
    $("host-controls").hidden = over;
    // Polls are launched only while the webinar is live (the server refuses otherwise): no button
    // offers what cannot be done (dewan.css hides .poll-launch unless the console is live).
    document.body.dataset.webinarStatus = w.status;
    // The badge is the one place that says "ended"; nobody watches an ended webinar, so no count.
    $("watching-line").hidden = over;
    $("console-ended").hidden = !over;
    $("console-ended").textContent = over ? t.console_ended : "";
  }

  function ordered() {
    return Array.from(document.querySelectorAll("#queue li.q")).map((li) => Number(li.dataset.id));
  }

  function select(id) {
    state.selected = id;
    render();
    const node = document.querySelector(`#queue li.q[data-id="${id}"]`);
    if (node) node.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", (event) => {
    if (event.target.matches("input, textarea, select") || event.ctrlKey || event.metaKey || event.altKey) return;
    if ($("host-dialog").open || ended()) return;
    const ids = ordered();
    const index = ids.indexOf(state.selected);
    const q = state.questions.get(state.selected);
    const keys = {
      j: () => select(ids[Math.min(ids.length - 1, index + 1)] ?? ids[0]),
      k: () => select(ids[Math.max(0, index - 1)] ?? ids[0]),
      a: () => q && run("approve", q),
      r: () => q && run("reject", q),
      m: () => q && run(q.answered ? "unanswer" : "answer", q),
      p: () => q && run(q.pinned ? "unpin" : "pin", q),
      e: () => q && run("edit", q),
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });

  $("btn-pause").addEventListener("click", () => client.send({ type: "pause" }));
  $("btn-resume").addEventListener("click", () => client.send({ type: "resume" }));
  $("btn-start").addEventListener("click", () => client.send({ type: "start" }));
  $("btn-end").addEventListener("click", () =>
    openDialog({
      title: t.end_confirm,
      body: t.end_explain,
      ok: t.end_ok,
      danger: true,
      onOk: () => client.send({ type: "end" }),
    }),
  );
  $("slow-form").addEventListener("submit", (event) => {
    event.preventDefault();
    client.send({ type: "slow_mode", seconds: Math.max(0, Number($("slow-seconds").value) || 0) });
  });
  client.start();
  window.dewanClient = client;
})();
