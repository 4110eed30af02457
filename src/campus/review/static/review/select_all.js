/* "Select all" on the assignments page: a box that ticks or clears every box of its group on the page
   (data-select-all="<input name>"), and shows a mixed state when only some are ticked.
   Progressive enhancement: without it the boxes are hidden and each box is ticked one by one. */
(function () {
  "use strict";
  function boxes(name) {
    return Array.prototype.slice.call(document.querySelectorAll('input[type=checkbox][name="' + name + '"]'));
  }
  function sync(all, name) {
    var group = boxes(name), ticked = group.filter(function (box) { return box.checked; }).length;
    all.checked = group.length > 0 && ticked === group.length;
    all.indeterminate = ticked > 0 && ticked < group.length;
  }
  function init() {
    document.querySelectorAll("input[data-select-all]").forEach(function (all) {
      var name = all.getAttribute("data-select-all");
      if (!boxes(name).length) { return; }
      all.closest(".review-select-all").hidden = false;
      all.addEventListener("change", function () {
        boxes(name).forEach(function (box) { box.checked = all.checked; });
      });
      document.addEventListener("change", function (event) {
        if (event.target.name === name) { sync(all, name); }
      });
      sync(all, name);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
