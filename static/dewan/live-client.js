// Dewan live client: one websocket, the protocol in docs/protocol.md.
// Reconnects with back-off, resumes from the last sequence numbers, dedupes by seq, resyncs on
// gaps, re-sends unacknowledged questions with their idempotency key after a reconnect, and re-syncs
// while one of the viewer's own questions is still waiting (pending, checking, or a care item no host has
// replied to yet): `mine.question` is not
// sequenced, so a lost one is repaired by the next sync reply's `mine` (docs/protocol.md, "Own questions").
(function () {
  "use strict";

  function randomKey() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  class LiveClient {
    constructor(config, handlers) {
      this.config = config;
      this.handlers = handlers;
      this.seq = null;
      this.staffSeq = null;
      this.ws = null;
      this.backoff = 500;
      this.pending = new Map(); // client_key -> frame, until acknowledged
      this.heartbeat = null;
      this.stopped = false;
      this.syncing = false;
      this.own = new Map(); // own question id -> waiting?, from snapshot/synced `mine`, mine.question, ack
      this.ownResync = null; // the timer of the next re-sync while an own question waits
    }

    url() {
      const scheme = location.protocol === "https:" ? "wss" : "ws";
      let url = `${scheme}://${location.host}${this.config.ws_path}?mode=${encodeURIComponent(this.config.mode)}`;
      if (this.config.key) url += `&key=${encodeURIComponent(this.config.key)}`;
      if (this.config.lang) url += `&lang=${encodeURIComponent(this.config.lang)}`;
      return url;
    }

    status(state, detail) {
      if (this.handlers.status) this.handlers.status(state, detail);
    }

    start() {
      this.stopped = false;
      this.status("connecting");
      let ws;
      try {
        ws = new WebSocket(this.url());
      } catch (err) {
        this.scheduleReconnect();
        return;
      }
      this.ws = ws;
      ws.onopen = () => this.status("connecting");
      ws.onmessage = (event) => {
        let message;
        try {
          message = JSON.parse(event.data);
        } catch (err) {
          return;
        }
        this.receive(message);
      };
      ws.onclose = (event) => {
        clearInterval(this.heartbeat);
        this.ownResyncStop(); // the reconnect's sync comes first
        this.ws = null;
        if (event.code === 4403) {
          this.stopped = true;
          this.status("forbidden");
          return;
        }
        this.status("closed");
        // A server being restarted (1012), or too busy to take this connect now (1013), spreads its
        // sockets over a window: come back exactly when told (docs/protocol.md). The back-off is kept.
        const hinted = event.code === 1012 || event.code === 1013;
        const hint = hinted && /^retry_after_ms=(\d+)$/.exec(event.reason || "");
        if (hint) {
          if (!this.stopped) setTimeout(() => this.start(), Number(hint[1]));
          return;
        }
        this.scheduleReconnect();
      };
    }

    scheduleReconnect() {
      if (this.stopped) return;
      const delay = Math.min(this.backoff, 15000) * (0.7 + Math.random() * 0.6);
      this.backoff = Math.min(this.backoff * 2, 15000);
      setTimeout(() => this.start(), delay);
    }

    send(frame) {
      if (this.ws && this.ws.readyState === WebSocket.OPEN) {
        this.ws.send(JSON.stringify(frame));
        return true;
      }
      return false;
    }

    sync() {
      this.syncing = true;
      this.send({ type: "sync", since: this.seq, staff_since: this.staffSeq });
    }

    // Commands that must not be lost carry a client_key and are re-sent until acknowledged.
    command(frame) {
      if (frame.client_key === undefined && (frame.type === "ask" || frame.type === "vote")) {
        frame.client_key = randomKey();
      }
      if (frame.client_key) this.pending.set(frame.client_key, frame);
      this.send(frame);
      return frame.client_key;
    }

    // Every message also reaches the page's other scripts as a "dewan:message" event (campaign-live.js,
    // live-polls.js): sequenced events once applied, everything else as it arrives.
    receive(message) {
      const sequenced = typeof message.seq === "number" && message.stream;
      this.handle(message);
      if (!sequenced) document.dispatchEvent(new CustomEvent("dewan:message", { detail: message }));
    }

    handle(message) {
      const h = this.handlers;
      const M = this.config.messages; // message type names, from realtime/protocol.py
      switch (message.type) {
        case M.welcome:
          this.backoff = 500;
          this.welcome = message;
          clearInterval(this.heartbeat);
          // 0: the server counts open sockets itself; pings only where the deployment asks for them.
          if (message.config.heartbeat_seconds > 0) {
            this.heartbeat = setInterval(() => this.send({ type: "ping" }), message.config.heartbeat_seconds * 1000);
          }
          if (this.config.mode !== "host") this.staffSeq = null;
          this.sync();
          if (h.welcome) h.welcome(message);
          return;
        case M.snapshot:
          this.seq = message.seq;
          this.staffSeq = message.staff_seq;
          this.syncing = false;
          this.ownReplace(message.mine);
          if (h.snapshot) h.snapshot(message);
          this.afterSync();
          return;
        case M.synced:
          this.seq = message.seq;
          if (message.staff_seq !== null && message.staff_seq !== undefined) this.staffSeq = message.staff_seq;
          this.syncing = false;
          this.ownReplace(message.mine);
          if (h.synced) h.synced(message);
          this.afterSync();
          return;
        case M.resync:
          this.sync();
          return;
        case M.ack:
          if (message.client_key) this.pending.delete(message.client_key);
          if (message.question && message.question.status) this.ownSet(message.question);
          if (h.ack) h.ack(message);
          return;
        case M.error:
          if (message.client_key && message.code !== "unavailable") this.pending.delete(message.client_key);
          if (h.error) h.error(message);
          return;
        case M.pong:
          return;
        case M.mine_question:
          this.ownSet(message.question);
          break;
        default:
          break;
      }
      if (typeof message.seq === "number" && message.stream) {
        this.applyEvent(message);
      } else if (h[message.type]) {
        h[message.type](message);
      }
    }

    applyEvent(message) {
      const staff = message.stream === "staff";
      const current = staff ? this.staffSeq : this.seq;
      if (current === null || current === undefined) return; // not synced yet: the snapshot covers it
      if (message.seq <= current) return; // already applied (replay overlap or duplicate)
      if (message.seq !== current + 1) {
        if (!this.syncing) this.sync(); // a gap: ask for what we missed
        return;
      }
      if (staff) this.staffSeq = message.seq;
      else this.seq = message.seq;
      if (this.handlers.event) this.handlers.event(message);
      document.dispatchEvent(new CustomEvent("dewan:message", { detail: message }));
    }

    // Own questions: while one waits, sync every own_resync_seconds (x 0.7-1.3). Waiting: a decision is
    // due (pending, checking), or a person in distress may get a host's reply (care, none yet).
    static ownWaits(q) {
      return q.status === "pending" || q.status === "checking" || (q.status === "care" && !q.care_reply);
    }

    ownReplace(list) {
      this.own = new Map((list || []).map((q) => [q.id, LiveClient.ownWaits(q)]));
      this.ownResyncStop(); // this reply answered the last re-sync: the next is counted from now
      this.ownResyncPlan();
    }

    ownSet(question) {
      this.own.set(question.id, LiveClient.ownWaits(question));
      this.ownResyncPlan();
    }

    ownWaiting() {
      for (const waits of this.own.values()) if (waits) return true;
      return false;
    }

    ownResyncPlan() {
      if (!this.ownWaiting()) {
        this.ownResyncStop();
        return;
      }
      const seconds = this.welcome && this.welcome.config.own_resync_seconds;
      if (this.ownResync !== null || !seconds || !this.ws) return;
      this.ownResync = setTimeout(() => {
        this.ownResync = null;
        if (!this.syncing && this.ownWaiting()) this.sync(); // its reply plans the next one
        else this.ownResyncPlan();
      }, seconds * 1000 * (0.7 + Math.random() * 0.6));
    }

    ownResyncStop() {
      clearTimeout(this.ownResync);
      this.ownResync = null;
    }

    afterSync() {
      this.status("open");
      for (const frame of this.pending.values()) this.send(frame);
    }
  }

  window.DewanLive = { LiveClient, randomKey };
})();
