// When something happens, shown once (templates/webinar/_when.html, the `event_when` tag): the server
// renders the event's time in the event's own zone, naming that zone; that is all a page without script
// shows. Here, for each [data-event-zone]:
// - the event's times are rewritten in the same zone with this language's clock (Bahasa Malaysia uses
//   the day periods pagi, tengah hari, petang, malam: 15:39 is "3:39 petang"; English a 24-hour clock);
// - only when the viewer's wall clock differs from the event's (another zone, or another offset that
//   day), the viewer's own time is added beside it, with the viewer's zone named ("Your time: …").
// The element gets data-viewer-zone (the zone compared with) once done, whatever the outcome.
(function () {
  "use strict";
  const malay = (document.documentElement.lang || "").toLowerCase().startsWith("ms");
  const locale = malay ? "ms-MY" : "en-GB";
  const clock = malay
    ? { hour: "numeric", minute: "2-digit", dayPeriod: "long" }
    : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  const DATES = {
    long: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
    short: { day: "numeric", month: "short", year: "numeric" },
  };
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zoneName = (zone) => zone.replace(/_/g, " ");
  // A zone-independent key of the wall clock (and of the day) at a moment, for comparisons only.
  const numeric = { year: "numeric", month: "2-digit", day: "2-digit" };
  const dayOf = (when, zone) => when.toLocaleString("en-CA", { ...numeric, timeZone: zone });
  const wallClock = (when, zone) =>
    when.toLocaleString("en-CA", { ...numeric, hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone });

  // "Tuesday, 1 December 2026, 07:34 – 09:39": an end on the start's day shows only its time.
  function formatted(times, zone, style) {
    return times.map((when, i) => {
      const time = when.toLocaleTimeString(locale, { ...clock, timeZone: zone });
      if (i > 0 && dayOf(when, zone) === dayOf(times[0], zone)) return time;
      return `${when.toLocaleDateString(locale, { ...DATES[style], timeZone: zone })}, ${time}`;
    });
  }

  document.querySelectorAll("[data-event-zone]").forEach((box) => {
    const zone = box.dataset.eventZone;
    const style = DATES[box.dataset.style] ? box.dataset.style : "long";
    const elements = Array.from(box.querySelectorAll(".event-time time[datetime]"));
    const times = elements.map((el) => new Date(el.getAttribute("datetime")));
    if (!times.length || times.some((when) => Number.isNaN(when.getTime()))) return;
    try {
      wallClock(times[0], zone);
    } catch (error) {
      return; // a zone this browser does not know: the server's wording stays
    }
    formatted(times, zone, style).forEach((text, i) => {
      elements[i].textContent = text;
    });
    const viewer = box.querySelector(".viewer-time");
    const differs = times.some((when) => wallClock(when, zone) !== wallClock(when, viewerZone));
    if (viewer && differs) {
      const yours = formatted(times, viewerZone, style).join(" – ");
      viewer.textContent = `${viewer.dataset.label}: ${yours} (${zoneName(viewerZone)})`;
      viewer.hidden = false;
    }
    box.dataset.viewerZone = viewerZone;
  });
})();
