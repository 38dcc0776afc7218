// Shows every <time class="local-time"> in the viewer's own time zone (the server renders the webinar's zone).
document.querySelectorAll("time.local-time").forEach((el) => {
  const when = new Date(el.getAttribute("datetime"));
  if (Number.isNaN(when.getTime())) return;
  const timeOnly = el.dataset.format === "time";
  const options = timeOnly
    ? { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }
    : { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
  el.title = el.textContent.trim();
  el.textContent = when.toLocaleString(document.documentElement.lang || undefined, options);
});
