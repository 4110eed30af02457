// The board's cards move by drag and drop as well as by their buttons (progressive enhancement: without script
// the buttons post a form and the page reloads). Both ways post to the same move view (the same service and state
// machine); the board's stages come back from the server, replace the old ones, and the live region says what
// happened. After a move by button, the focus stays on the moved card's button, so a keyboard user can go on.
(function () {
  "use strict";
  var root = document.getElementById("board-columns");
  var status = document.getElementById("board-status");
  if (!root || !status || !window.fetch || !window.DOMParser) return;
  var hint = document.querySelector(".board-hint__drag");
  if (hint) hint.hidden = false;
  var dragged = null;

  function token() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function cardOf(node) { return node && node.closest ? node.closest("[data-card]") : null; }

  function prepare() {
    root.querySelectorAll("[data-move-url]").forEach(function (card) { card.setAttribute("draggable", "true"); });
  }

  function refocus(cardId, direction) {
    var card = root.querySelector('[data-card="' + cardId + '"]');
    if (!card) return;
    var target = card.querySelector('button[data-direction="' + direction + '"]') || card.querySelector("button")
      || card.querySelector("a");
    if (target) target.focus();
  }

  function move(card, to, direction) {
    var body = new FormData();
    body.append("to", to);
    body.append("csrfmiddlewaretoken", token());
    status.textContent = "Moving…";
    root.setAttribute("aria-busy", "true");
    fetch(card.getAttribute("data-move-url"), {
      method: "POST", body: body, credentials: "same-origin", headers: {"HX-Request": "true"}
    }).then(function (response) {
      return response.text();
    }).then(function (text) {
      var fresh = new DOMParser().parseFromString(text, "text/html").getElementById("board-columns");
      if (!fresh) throw new Error("no board in the answer");
      root.innerHTML = fresh.innerHTML;
      root.removeAttribute("aria-busy");
      prepare();
      status.textContent = fresh.getAttribute("data-announce") || "";
      if (direction) refocus(card.getAttribute("data-card"), direction);
    }).catch(function () {
      root.removeAttribute("aria-busy");
      status.textContent = "The card could not be moved. Reload the page and try again.";
    });
  }

  root.addEventListener("submit", function (event) {
    var button = event.submitter;
    var card = cardOf(event.target);
    if (!button || !card || !card.getAttribute("data-move-url")) return;  // the plain form post
    event.preventDefault();
    move(card, button.value, button.getAttribute("data-direction"));
  });

  function targets(card) {
    return (card.getAttribute("data-targets") || "").split(" ").filter(Boolean);
  }

  function stageOf(node) { return node && node.closest ? node.closest("[data-stage]") : null; }

  function clear() {
    root.querySelectorAll(".is-drop-target, .is-drop-over, .is-dragging").forEach(function (node) {
      node.classList.remove("is-drop-target", "is-drop-over", "is-dragging");
    });
  }

  root.addEventListener("dragstart", function (event) {
    var card = cardOf(event.target);
    if (!card || !card.getAttribute("data-move-url")) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.getAttribute("data-card"));
    card.classList.add("is-dragging");
    targets(card).forEach(function (code) {
      var stage = root.querySelector('[data-stage="' + code + '"]');
      if (stage) stage.classList.add("is-drop-target");
    });
  });

  root.addEventListener("dragover", function (event) {
    var stage = stageOf(event.target);
    if (!dragged || !stage || targets(dragged).indexOf(stage.getAttribute("data-stage")) < 0) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    root.querySelectorAll(".is-drop-over").forEach(function (node) { node.classList.remove("is-drop-over"); });
    stage.classList.add("is-drop-over");
  });

  root.addEventListener("drop", function (event) {
    var stage = stageOf(event.target);
    if (!dragged || !stage) return;
    event.preventDefault();
    var card = dragged, to = stage.getAttribute("data-stage");
    dragged = null;
    clear();
    if (targets(card).indexOf(to) >= 0) move(card, to, null);
  });

  root.addEventListener("dragend", function () { dragged = null; clear(); });

  prepare();
})();
