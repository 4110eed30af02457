/* The room's QR screen renews its code when the code's time window ends: it asks this same page again (same
   origin, no cache) and swaps in the new code. Nothing is loaded from anywhere else; without script, reloading
   the page shows the current code. */
(function () {
  "use strict";
  var live = document.querySelector("[data-refresh-in]");
  if (!live || !window.fetch || !window.DOMParser) { return; }
  function schedule(seconds) { window.setTimeout(renew, Math.max(1, seconds || 5) * 1000); }
  function renew() {
    window.fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html").querySelector("[data-refresh-in]");
        if (!next) { throw new Error("no code in the answer"); }
        live.innerHTML = next.innerHTML;
        schedule(parseInt(next.getAttribute("data-refresh-in"), 10));
      })
      .catch(function () { schedule(5); });
  }
  schedule(parseInt(live.getAttribute("data-refresh-in"), 10));
}());
