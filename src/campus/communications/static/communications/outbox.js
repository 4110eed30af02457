// The outbox list: a "choose every draft on this page" box (progressive enhancement: without script the
// box stays hidden and each draft is ticked on its own; "Send all N drafts" works without it too).
(function () {
  "use strict";
  var all = document.getElementById("pick-all");
  if (!all) return;
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".outbox-pick"));
  if (!boxes.length) return;
  all.hidden = false;
  var label = document.querySelector('label[for="pick-all"]');
  if (label) label.hidden = false;
  function sync() {
    var ticked = boxes.filter(function (box) { return box.checked; }).length;
    all.checked = ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
  }
  all.addEventListener("change", function () {
    boxes.forEach(function (box) { box.checked = all.checked; });
  });
  boxes.forEach(function (box) { box.addEventListener("change", sync); });
  sync();
})();
