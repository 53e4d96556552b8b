// Partial disclosure: the reviewer selects text in the source and marks it as withheld; the
// selection's offsets (in the source text) are appended to the JSON list of redactions.
(function () {
  var button = document.getElementById("mark-selection");
  var source = document.getElementById("id_source_text");
  var target = document.getElementById("id_redactions");
  if (!button || !source || !target) { return; }
  button.addEventListener("click", function () {
    var start = source.selectionStart, end = source.selectionEnd;
    if (start === end) { return; }
    var list = [];
    try { list = JSON.parse(target.value || "[]"); } catch (e) { list = []; }
    list.push({ start: start, end: end, reason: "" });
    target.value = JSON.stringify(list);
  });
})();
