// Nareis pages work without this script; with it:
// - the language switcher submits itself;
// - photos upload one by one with a progress bar each, and a failed one can be sent again
//   (the photos of one document's pages go together, as one document);
// - while documents are being read, the checklist and document list refresh every two seconds.
(function () {
  "use strict";
  var POLL_MS = 2000;
  var pollTimer = null;

  function refreshLive() {
    var live = document.getElementById("live");
    if (!live) return Promise.resolve();
    return fetch(live.dataset.liveUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) live.innerHTML = html; })
      .catch(function () { /* offline for a moment: try again on the next tick */ });
  }

  function schedulePoll() {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(function () {
      var live = document.getElementById("live");
      if (!live || !live.querySelector("[data-polling]")) return;
      // Someone is using a form or an open section in the live part: wait, so nothing they ticked is lost.
      if (live.contains(document.activeElement) && document.activeElement !== document.body
          || live.querySelector("details[open] form")
          || Array.prototype.some.call(live.querySelectorAll("[data-retake-file]"), function (input) { return input.files.length; })) {
        schedulePoll();
        return;
      }
      refreshLive().finally(schedulePoll);
    }, POLL_MS);
  }

  // --- Uploads: one request per file, so each has its own progress and its own retry.
  function setupUploads(form) {
    var queue = form.querySelector("[data-upload-queue]");
    var template = document.getElementById("upload-item-template");
    var texts = form.parentNode.querySelector("[data-upload-texts]").dataset;
    var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;

    // ``files``: one photo or PDF, or the photos of one document's pages (sent together, stored as one).
    function send(files, item) {
      var bar = item.querySelector("progress");
      var message = item.querySelector(".upload-message");
      var retry = item.querySelector(".upload-retry");
      item.dataset.uploadStatus = "uploading";
      retry.hidden = true;
      bar.hidden = false;
      bar.value = 0;
      message.textContent = texts.uploading;

      var data = new FormData();
      data.append("csrfmiddlewaretoken", csrf);
      files.forEach(function (file) { data.append("files", file, shortName(file.name)); });
      if (files.length > 1) data.append("one_document", "1");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("X-CSRFToken", csrf);
      xhr.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
      });
      xhr.addEventListener("load", function () {
        var outcome = null;
        try { outcome = JSON.parse(xhr.responseText).files[0]; } catch (e) { outcome = null; }
        if (outcome && (xhr.status === 200 || xhr.status === 422 || xhr.status === 400)) {
          finish(item, outcome.outcome === "rejected" ? "rejected" : "done", outcome.message);
          if (outcome.outcome !== "rejected") refreshLive().then(schedulePoll);
        } else if (xhr.status >= 400 && xhr.status < 500 && xhr.status !== 408 && xhr.status !== 429) {
          finish(item, "rejected", texts.refused);  // the same request would be refused again: no retry
        } else {
          fail(item);  // a server error, a timeout or a proxy page: worth trying again
        }
      });
      xhr.addEventListener("error", function () { fail(item); });
      xhr.addEventListener("abort", function () { fail(item); });
      xhr.send(data);
    }

    // Django refuses an upload whose headers pass 1 KB: a phone's very long file name is shortened, its
    // extension kept (the server recognises files by content; the name is only shown).
    function shortName(name) {
      if (name.length <= 100) return name;
      var dot = name.lastIndexOf(".");
      var extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
      return name.slice(0, 100 - extension.length) + extension;
    }

    function finish(item, status, text) {
      item.dataset.uploadStatus = status;
      item.querySelector("progress").value = 100;
      item.querySelector("progress").hidden = true;
      item.querySelector(".upload-message").textContent = text;
    }

    function fail(item) {
      item.dataset.uploadStatus = "failed";
      item.querySelector("progress").hidden = true;
      item.querySelector(".upload-message").textContent = texts.failed;
      item.querySelector(".upload-retry").hidden = false;
    }

    function add(files) {
      var name = files[0].name + (files.length > 1 ? " (+" + (files.length - 1) + ")" : "");
      var item = template.content.firstElementChild.cloneNode(true);
      item.querySelector(".upload-name").textContent = name;
      item.querySelector("progress").setAttribute("aria-label", name);
      item.querySelector(".upload-retry").addEventListener("click", function () { send(files, item); });
      queue.appendChild(item);
      send(files, item);
    }

    var oneDocument = form.querySelector("[data-one-document]");
    form.querySelectorAll("[data-upload-input]").forEach(function (input) {
      input.addEventListener("change", function () {
        var files = Array.prototype.slice.call(input.files);
        input.value = "";  // the same photo can be chosen again
        if (!files.length) return;
        if (oneDocument.checked && files.length > 1) add(files);
        else files.forEach(function (file) { add([file]); });
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
    document.querySelectorAll("[data-upload-form]").forEach(setupUploads);
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    schedulePoll();
  });
  // The app's service worker (config/app_shell.py): the offline page when there is no connection.
  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/service-worker.js", { scope: "/" }).catch(function () { /* the site works without it */ });
    });
  }
})();
