// The header's menu button (narrow screens) and the account menu. Loaded right after the header, so the menu is
// folded before the page is drawn. Without JavaScript the button stays hidden and every link of the main
// navigation is shown; the account menu is a <details> element, which opens and closes by itself.
(function () {
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".menu-button");
  if (!button) return;
  document.documentElement.classList.add("has-menu-button");
  button.hidden = false;
  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("site-header--open", open);
  }
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  // The menu folds whenever the window crosses the phone layout's edge (site.css, max-width: 960px): a menu
  // opened on a narrow window, which then grew and shrank again, starts folded instead of covering the page.
  var narrow = window.matchMedia && window.matchMedia("(max-width: 960px)");
  if (narrow) {
    var fold = function () { setOpen(false); };
    if (narrow.addEventListener) narrow.addEventListener("change", fold);
    else if (narrow.addListener) narrow.addListener(fold);
  }
  function closeAccountMenus(except) {
    document.querySelectorAll("details.account-menu[open]").forEach(function (menu) {
      if (menu !== except) menu.open = false;
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var menu = document.activeElement && document.activeElement.closest("details.account-menu[open]");
    if (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    } else if (button.getAttribute("aria-expanded") === "true" && header.contains(document.activeElement)) {
      setOpen(false);
      button.focus();
    }
  });
  document.addEventListener("click", function (event) {
    closeAccountMenus(event.target.closest && event.target.closest("details.account-menu"));
  });
})();
