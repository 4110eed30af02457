// Show a dependent question only when the question it depends on has the given answer.
// The server applies the same rule; without JavaScript every question is simply shown.
(function () {
  function valueOf(name) {
    var inputs = document.querySelectorAll('[name="' + name + '"]');
    var values = [];
    inputs.forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox")) { if (input.checked) values.push(input.value); }
      else values.push(input.value);
    });
    return values;
  }
  function update() {
    document.querySelectorAll("[data-depends-on]").forEach(function (block) {
      var name = block.getAttribute("data-depends-on").replace(/^id_/, "");
      var shown = valueOf(name).indexOf(block.getAttribute("data-depends-value")) !== -1;
      block.hidden = !shown;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    update();
    document.addEventListener("change", update);
  });
})();
