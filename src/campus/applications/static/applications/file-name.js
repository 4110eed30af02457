// File names, cleaned in the browser before the upload (the server cleans them again: core.files.safe_name).
// A name is sent without folder parts, control or direction characters (such as U+202E) and at most 100
// characters long, keeping its extension; a note next to the field says what was changed. Where a browser
// cannot rename a chosen file, a name too long to send is only warned about. Without JavaScript the server
// does the same cleaning and accepts any name a file system can hold.
(function () {
  var MAX = 100;
  function clean(name) {
    name = name.split(/[\/\\]/).pop().normalize("NFKC");
    name = name.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/gu, "").replace(/\s+/gu, " ").trim();
    var chars = Array.from(name);
    if (chars.length <= MAX) return name;
    var dot = name.lastIndexOf(".");
    var ext = dot > 0 && name.length - dot <= 9 ? name.slice(dot) : "";
    return Array.from(name.slice(0, name.length - ext.length)).slice(0, MAX - ext.length).join("").trim() + ext;
  }
  function note(input) {
    var id = input.id + "-name-note";
    var p = document.getElementById(id);
    if (!p) {
      p = document.createElement("p");
      p.id = id;
      p.className = "field__help";
      p.setAttribute("aria-live", "polite");
      input.insertAdjacentElement("afterend", p);
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      described.push(id);
      input.setAttribute("aria-describedby", described.join(" "));
    }
    return p;
  }
  function check(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    var cleaned = clean(file.name) || "document";
    var p = note(input);
    if (cleaned === file.name) { p.textContent = ""; return; }
    try {
      var renamed = new File([file], cleaned, { type: file.type, lastModified: file.lastModified });
      var transfer = new DataTransfer();
      transfer.items.add(renamed);
      input.files = transfer.files;
      p.textContent = "The file will be sent as \u201c" + cleaned + "\u201d (its name was shortened or cleaned).";
    } catch (error) {
      p.textContent = "This file's name is very long or holds unusual characters: please rename it " +
        "(under " + MAX + " characters) before you send it.";
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll('input[type="file"]').forEach(function (input) {
      input.addEventListener("change", function () { check(input); });
    });
  });
})();
