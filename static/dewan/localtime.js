// Shows every <time class="local-time"> in the viewer's own time zone, and says which zone that is.
// The server renders the webinar's zone (what a page without script shows, labelled with that zone);
// here each time becomes the viewer's local time with its zone name, the event's own wording moves to
// the tooltip, and every [data-zone-label] names the viewer's zone instead of the event's.
// Bahasa Malaysia uses the day period words (pagi, tengah hari, petang, malam): 15:39 is "3:39 petang".
(function () {
  "use strict";
  const lang = document.documentElement.lang || undefined;
  const malay = (lang || "").toLowerCase().startsWith("ms");
  const clock = malay ? { hour: "numeric", minute: "2-digit", dayPeriod: "long" } : { hour: "2-digit", minute: "2-digit" };
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  document.querySelectorAll("time.local-time").forEach((el) => {
    const when = new Date(el.getAttribute("datetime"));
    if (Number.isNaN(when.getTime())) return;
    const timeOnly = el.dataset.format === "time";
    const options = timeOnly
      ? { ...clock, timeZoneName: "short" }
      : { weekday: "long", day: "numeric", month: "long", year: "numeric", ...clock, timeZoneName: "short" };
    el.title = el.textContent.trim();
    el.textContent = when.toLocaleString(lang, options);
    el.dataset.zone = viewerZone;
  });
  document.querySelectorAll("[data-zone-label]").forEach((el) => {
    el.textContent = "(" + viewerZone.replace(/_/g, " ") + ")";
  });
})();
