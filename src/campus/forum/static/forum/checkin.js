// The check-in page: keeps the count of who is in up to date (polls the page's JSON endpoint) and, where the
// browser has the BarcodeDetector API and a camera, scans the personal QR code and opens the person's page.
// The page works without this script: search by name and the check-in buttons are plain forms.
(function () {
  "use strict";
  var root = document.querySelector(".forum-checkin");
  if (!root) { return; }

  var countUrl = root.getAttribute("data-count-url");
  function refresh() {
    if (document.hidden) { return; }
    fetch(countUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (count) {
        if (!count) { return; }
        root.querySelector("[data-count=in]").textContent = count["in"];
        root.querySelector("[data-count=expected]").textContent = count.expected;
      })
      .catch(function () { /* offline for a moment: the next poll tries again */ });
  }
  window.setInterval(refresh, 5000);
  document.addEventListener("visibilitychange", refresh);

  var scan = root.querySelector(".forum-scan");
  if (!scan || !("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;  // no scanner here: the section stays hidden
  }
  var start = document.getElementById("scan-start");
  var stop = document.getElementById("scan-stop");
  var video = document.getElementById("scan-video");
  var status = document.getElementById("scan-status");
  var stream = null;
  var detector = null;
  var PATH = "/staff/forum/check-in/code/";

  window.BarcodeDetector.getSupportedFormats().then(function (formats) {
    if (formats.indexOf("qr_code") === -1) { return; }
    detector = new window.BarcodeDetector({formats: ["qr_code"]});
    scan.hidden = false;
  }).catch(function () { /* unsupported: stays hidden */ });

  function halt() {
    if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
    stream = null;
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
    start.focus();
  }

  function open(text) {
    var url;
    try { url = new URL(text, window.location.href); } catch (error) { url = null; }
    if (url && url.pathname.indexOf(PATH) === 0) {
      halt();
      status.textContent = "Code read: opening the registration.";
      window.location.assign(url.pathname);  // our own origin, whatever host the code names
      return true;
    }
    status.textContent = "This QR code is not a forum registration.";
    return false;
  }

  function tick() {
    if (!stream) { return; }
    detector.detect(video).then(function (codes) {
      if (codes.length && open(codes[0].rawValue)) { return; }
      window.setTimeout(tick, 250);
    }).catch(function () { window.setTimeout(tick, 500); });
  }

  start.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}, audio: false}).then(function (media) {
      stream = media;
      video.srcObject = media;
      video.hidden = false;
      start.hidden = true;
      stop.hidden = false;
      status.textContent = "Point the camera at the QR code.";
      return video.play();
    }).then(tick).catch(function () {
      status.textContent = "The camera could not be used here: search by name instead.";
      halt();
    });
  });
  stop.addEventListener("click", function () { halt(); status.textContent = ""; });
}());
