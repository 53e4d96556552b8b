/*
 * Upload progress for ordinary forms that send files (enctype="multipart/form-data").
 *
 * When a chosen file is on the form, the submit goes through XMLHttpRequest so the browser reports
 * upload progress; a <progress> bar under the button shows percent and bytes. The answer replaces the
 * page as a normal submit would (a redirect's target page, with its flash message, or the form with
 * its errors); a file answer (an export) is saved. Forms opt out with data-upload-progress="off".
 * Plain JS, no dependencies, served from our static files (no CDN).
 */
(function () {
  "use strict";

  function formatBytes(n) {
    if (n >= 1048576) return (n / 1048576).toFixed(1) + " MB";
    if (n >= 1024) return Math.round(n / 1024) + " KB";
    return n + " B";
  }

  function hasChosenFile(form) {
    var inputs = form.querySelectorAll('input[type="file"]');
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].files && inputs[i].files.length) return true;
    }
    return false;
  }

  function progressBox(form) {
    var box = form.querySelector(".upload-progress");
    if (!box) {
      box = document.createElement("div");
      box.className = "upload-progress";
      box.setAttribute("role", "status");
      box.setAttribute("aria-live", "polite");
      var bar = document.createElement("progress");
      bar.max = 100;
      bar.value = 0;
      var text = document.createElement("span");
      text.className = "upload-progress-text";
      box.appendChild(bar);
      box.appendChild(text);
      form.appendChild(box);
    }
    return box;
  }

  function show(box, percent, message) {
    var bar = box.querySelector("progress");
    if (percent === null) bar.removeAttribute("value");
    else bar.value = percent;
    box.querySelector(".upload-progress-text").textContent = message;
  }

  // The page's CSP nonce: the new page's scripts carry the server's fresh nonce, which the current
  // document's policy does not know, so they are given the current one before the page is written.
  function currentNonce() {
    var script = document.querySelector("script[nonce]");
    return script ? script.nonce || script.getAttribute("nonce") : "";
  }

  function replacePage(html, url) {
    var nonce = currentNonce();
    if (nonce) html = html.replace(/\snonce="[^"]*"/g, ' nonce="' + nonce + '"');
    if (url && window.history && history.replaceState) history.replaceState(null, "", url);
    document.open();
    document.write(html);
    document.close();
  }

  function saveFile(xhr) {
    var disposition = xhr.getResponseHeader("Content-Disposition") || "";
    var match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    var link = document.createElement("a");
    link.href = URL.createObjectURL(xhr.response);
    link.download = match ? decodeURIComponent(match[1]) : "download";
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function submitWithProgress(form, submitter) {
    var box = progressBox(form);
    // The messages, in the page's language, from the form (data-uploading-text …) or else the page
    // (<body data-text-uploading …>, written by base.html through Django's translation).
    var page = document.body.dataset;
    var labels = {
      uploadingText: form.dataset.uploadingText || page.textUploading,
      processingText: form.dataset.processingText || page.textProcessing,
      doneText: form.dataset.doneText || page.textDone,
      errorText: form.dataset.errorText || page.textFailed
    };
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    var buttons = form.querySelectorAll('button[type="submit"], input[type="submit"]');
    buttons.forEach(function (b) { b.disabled = true; });
    var xhr = new XMLHttpRequest();
    xhr.open((form.getAttribute("method") || "post").toUpperCase(), form.action || window.location.href);
    xhr.responseType = "blob";
    xhr.setRequestHeader("X-Upload-Progress", "1");
    xhr.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        var percent = Math.round((event.loaded / event.total) * 100);
        show(box, percent, labels.uploadingText + " " + percent + "% (" +
          formatBytes(event.loaded) + " / " + formatBytes(event.total) + ")");
      } else {
        show(box, null, labels.uploadingText + " " + formatBytes(event.loaded));
      }
    });
    xhr.upload.addEventListener("load", function () {
      show(box, 100, labels.processingText);
    });
    xhr.addEventListener("load", function () {
      var type = xhr.getResponseHeader("Content-Type") || "";
      if (type.indexOf("text/html") === 0) {
        xhr.response.text().then(function (html) { replacePage(html, xhr.responseURL); });
      } else {
        saveFile(xhr);
        buttons.forEach(function (b) { b.disabled = false; });
        show(box, 100, labels.doneText);
      }
    });
    xhr.addEventListener("error", function () {
      buttons.forEach(function (b) { b.disabled = false; });
      show(box, 0, labels.errorText);
      box.classList.add("bad");
    });
    show(box, 0, labels.uploadingText + " 0%");
    xhr.send(data);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    if ((form.enctype || "").toLowerCase() !== "multipart/form-data") return;
    if (form.dataset.uploadProgress === "off" || !window.FormData || !hasChosenFile(form)) return;
    event.preventDefault();
    submitWithProgress(form, event.submitter);
  });
})();
