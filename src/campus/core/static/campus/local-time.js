// A moment shown in another zone (<time datetime="…" data-zone="Europe/Stockholm">, maybe followed by a
// <span class="call-zone"> naming it) gets the visitor's own time after it when their zone's clock differs.
// Progressive enhancement: without it, the time in the call's zone is there, labelled.
(function () {
  "use strict";
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (error) { return; }
  if (!zone) { return; }
  var options = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  function format(moment, timeZone) {
    return new Intl.DateTimeFormat("en-GB", Object.assign({ timeZone: timeZone }, options)).format(moment);
  }
  document.querySelectorAll("time[data-zone]").forEach(function (element) {
    var moment = new Date(element.getAttribute("datetime"));
    if (isNaN(moment.getTime())) { return; }
    var yours;
    try {
      if (format(moment, element.getAttribute("data-zone")) === (yours = format(moment, zone))) { return; }
    } catch (error) { return; }
    var note = document.createElement("span");
    note.className = "local-time__yours";
    note.textContent = ", that is " + yours + " your time (" + zone.replace(/_/g, " ") + ")";
    var label = element.nextElementSibling;
    (label && label.classList.contains("call-zone") ? label : element).insertAdjacentElement("afterend", note);
  });
})();
