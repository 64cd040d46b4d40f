// chainkg workbench: sortable tables (numbers as numbers, text by the page's locale), fragment errors shown, and Esc
// to close an item card.
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  var collator = new Intl.Collator(lang, { numeric: true });
  function cell(row, i) { return row.children[i] ? row.children[i].textContent.trim() : ""; }
  document.addEventListener("click", function (e) {
    var b = e.target.closest("button.sort");
    if (!b) return;
    var th = b.closest("th"), table = th.closest("table"), body = table.tBodies[0];
    var i = Array.prototype.indexOf.call(th.parentNode.children, th);
    var asc = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (x, y) {
      var a = cell(x, i), c = cell(y, i);
      var numeric = a !== "" && c !== "" && isFinite(Number(a)) && isFinite(Number(c));
      var r = numeric ? Number(a) - Number(c) : collator.compare(a, c);
      return asc ? r : -r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
  // A fragment that answers 400 (a wrong parameter) shows its message instead of leaving the placeholder.
  document.addEventListener("htmx:beforeSwap", function (e) {
    if (e.detail.xhr.status >= 400 && e.detail.xhr.status < 500) { e.detail.shouldSwap = true; e.detail.isError = false; }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || e.isComposing || e.defaultPrevented) return;
    var tag = e.target && e.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
    var close = document.querySelector("[data-item-card] a[data-close]");
    if (close) location.href = close.href;
  });
})();
