/* Manual masks: the approver selects text in the masked preview; the selection's raw-text offsets
   fill the hidden inputs of the "遮盖所选文字" form, which posts them to entry_add_mask.
   Each plain run is <span data-start> holding one text node of the raw value; each mask is
   <mark data-start data-end>. A selection must stay inside one [data-mask-field] container. */
(function () {
  "use strict";

  function position(container, node, offset, isEnd) {
    var element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    if (element === container) {
      // The boundary sits between segments: take the neighbouring segment's edge.
      var children = container.querySelectorAll("[data-start]");
      var child = container.childNodes[isEnd ? offset - 1 : offset];
      if (!child || !child.dataset) {
        if (!children.length) { return 0; }
        child = isEnd ? children[children.length - 1] : children[0];
      }
      return edge(child, isEnd);
    }
    var segment = element.closest("[data-start]");
    if (!segment || !container.contains(segment)) { return null; }
    if (segment.tagName === "MARK") { return edge(segment, isEnd); }
    if (node.nodeType !== Node.TEXT_NODE) {
      return parseInt(segment.dataset.start, 10) + (offset > 0 ? segment.textContent.length : 0);
    }
    return parseInt(segment.dataset.start, 10) + offset;
  }

  function edge(segment, isEnd) {
    var start = parseInt(segment.dataset.start, 10);
    if (segment.tagName === "MARK") { return isEnd ? parseInt(segment.dataset.end, 10) : start; }
    return isEnd ? start + segment.textContent.length : start;
  }

  function init() {
    var form = document.getElementById("selection-mask-form");
    if (!form) { return; }
    var fieldInput = form.querySelector("input[name=field]");
    var startInput = form.querySelector("input[name=start]");
    var endInput = form.querySelector("input[name=end]");
    var button = form.querySelector("button[type=submit]");
    var shown = document.getElementById("selection-text");
    var idle = shown.textContent;

    function clear(message) {
      fieldInput.value = ""; startInput.value = ""; endInput.value = "";
      button.disabled = true;
      shown.textContent = message || idle;
    }

    document.addEventListener("selectionchange", function () {
      var selection = document.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
      var range = selection.getRangeAt(0);
      var from = range.startContainer.nodeType === Node.TEXT_NODE
        ? range.startContainer.parentElement : range.startContainer;
      var to = range.endContainer.nodeType === Node.TEXT_NODE
        ? range.endContainer.parentElement : range.endContainer;
      var container = from && from.closest("[data-mask-field]");
      if (!container) { return; }  // a selection elsewhere on the page is not for masking
      if (container !== (to && to.closest("[data-mask-field]"))) {
        clear(form.dataset.acrossFields);
        return;
      }
      var start = position(container, range.startContainer, range.startOffset, false);
      var end = position(container, range.endContainer, range.endOffset, true);
      if (start === null || end === null || end <= start) { clear(); return; }
      fieldInput.value = container.dataset.maskField;
      startInput.value = String(start);
      endInput.value = String(end);
      button.disabled = false;
      shown.textContent = selection.toString();
    });
    clear();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
