// Resumable upload of records through the platform's tus endpoint (Uppy Dashboard + Tus, zh_CN).
// The form's fields (kind, stage, title, device, room) travel as tus Upload-Metadata.
(function () {
  "use strict";
  var form = document.getElementById("record-meta");
  if (!form || !window.Uppy) { return; }
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var result = document.getElementById("upload-result");

  function meta() {
    var m = { act: form.dataset.act };
    ["kind", "stage", "title", "device", "room"].forEach(function (name) {
      var field = form.elements[name];
      m[name] = field && field.value ? field.value : "";
    });
    return m;
  }

  var uppy = new Uppy.Uppy({
    locale: Uppy.locales.zh_CN,
    autoProceed: false,
    restrictions: { maxNumberOfFiles: 10 },
    onBeforeUpload: function (files) {
      var m = meta();
      Object.keys(files).forEach(function (id) {
        files[id].meta = Object.assign({}, files[id].meta, m, { filename: files[id].name });
      });
      return files;
    }
  });
  uppy.use(Uppy.Dashboard, {
    inline: true,
    target: "#uploader",
    height: 320,
    proudlyDisplayPoweredByUppy: false,
    showProgressDetails: true,
    hideCancelButton: false
  });
  uppy.use(Uppy.Tus, {
    endpoint: form.dataset.tus,
    chunkSize: parseInt(form.dataset.chunkSize, 10) || 8 * 1024 * 1024,
    retryDelays: [0, 1000, 3000, 5000, 10000],
    headers: { "X-CSRFToken": csrf },
    allowedMetaFields: ["act", "kind", "stage", "title", "device", "room", "filename"],
    removeFingerprintOnSuccess: true,
    withCredentials: true
  });
  uppy.on("upload-success", function (file, response) {
    var url = response && response.uploadURL;
    if (!url) { return; }
    fetch(url, { method: "HEAD", headers: { "Tus-Resumable": "1.0.0" }, credentials: "same-origin" })
      .then(function (r) {
        var recordUrl = r.headers.get("X-Record-Url");
        if (recordUrl) {
          var a = document.createElement("a");
          a.href = recordUrl;
          a.id = "record-link";
          a.textContent = form.dataset.storedText.replace("{name}", file.name);
          var li = document.createElement("p");
          li.appendChild(a);
          result.appendChild(li);
        }
      });
  });
  uppy.on("upload-error", function (file, error) {
    var p = document.createElement("p");
    p.className = "errors";
    p.textContent = file.name + ": " + (error && error.message ? error.message : form.dataset.failedText);
    result.appendChild(p);
  });
})();
