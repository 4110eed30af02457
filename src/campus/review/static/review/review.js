/* The live weighted total of the review form: sum(weight x score) / sum(weight), 2 places.
   Progressive enhancement: without it the form works the same and the server computes the real total. */
(function () {
  "use strict";
  function update(form, output, note) {
    var groups = form.querySelectorAll(".review-criterion[data-weight]");
    var weighted = 0, weights = 0, scored = 0;
    groups.forEach(function (group) {
      var weight = parseInt(group.getAttribute("data-weight"), 10) || 0;
      var checked = group.querySelector("input[type=radio]:checked");
      if (checked) {
        weighted += weight * parseInt(checked.value, 10);
        weights += weight;
        scored += 1;
      }
    });
    if (!scored) {
      output.textContent = "–";
    } else {
      var total = Math.round((weighted / weights) * 100 + 1e-9) / 100;
      output.textContent = total.toFixed(2);
    }
    if (note) {
      note.textContent = scored === groups.length
        ? "(live; saved when you submit)"
        : "(" + scored + " of " + groups.length + " criteria scored so far)";
    }
  }
  function init() {
    var form = document.getElementById("review-form");
    var output = document.getElementById("live-total");
    if (!form || !output) { return; }
    var note = form.querySelector(".review-total__note");
    form.addEventListener("change", function (event) {
      if (event.target && event.target.type === "radio") { update(form, output, note); }
    });
    if (form.querySelector(".review-criterion input[type=radio]:checked")) { update(form, output, note); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
