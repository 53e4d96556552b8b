// The violation list is long: a search box above it hides the options that do not contain the
// typed words (Chinese matches by substring, several words separated by blanks must all match).
(function () {
  "use strict";
  function bind(input) {
    var select = document.getElementById(input.dataset.filterSelect);
    if (!select) { return; }
    input.addEventListener("input", function () {
      var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      var firstShown = null;
      Array.prototype.forEach.call(select.options, function (option) {
        var text = option.text.toLowerCase();
        var show = !option.value || words.every(function (w) { return text.indexOf(w) !== -1; });
        option.hidden = !show;
        if (show && option.value && firstShown === null) { firstShown = option; }
      });
      select.size = words.length ? Math.min(8, select.options.length) : 0;
      if (firstShown && select.selectedOptions.length && select.selectedOptions[0].hidden) {
        select.value = "";
      }
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); select.focus(); }
    });
    select.addEventListener("change", function () { select.size = 0; });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-filter-select]").forEach(bind);
  });
})();
