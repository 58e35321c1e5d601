// The review screen works without this script (links and buttons); with it:
// - keys: A accepts, R rejects (asking for a reason first), N and P step to the next and previous document;
//   Enter in the reason list rejects with that reason;
// - zoom and quarter turns change the pages in place, without leaving the page;
// - a page that cannot be drawn says so in a sentence instead of showing a broken picture.
(function () {
  "use strict";
  var ZOOMS = [50, 75, 100, 150, 200, 300];

  function typing(target) {
    return target.closest && target.closest("input, textarea, select, [contenteditable]");
  }

  function setupShortcuts(form) {
    var accept = form.querySelector("[data-shortcut=accept]");
    var reject = form.querySelector("[data-shortcut=reject]");
    var reason = form.querySelector("[data-reason]");
    var needed = form.querySelector("[data-reason-needed]");

    function rejectWithReason() {
      if (!reason.value) {
        if (needed) {
          needed.hidden = false;
          reason.setAttribute("aria-invalid", "true");
          reason.setAttribute("aria-describedby", needed.id);
        }
        reason.focus();
        return;
      }
      reject.click();
    }
    reject.addEventListener("click", function (event) {
      if (!reason.value && !form.querySelector("[name=review_reason]").value.trim()) {
        event.preventDefault();
        rejectWithReason();
      }
    });
    reason.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && reason.value) { event.preventDefault(); reject.click(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      var key = event.key.toLowerCase();
      var link;
      if (key === "a") { event.preventDefault(); accept.click(); }
      else if (key === "r") { event.preventDefault(); rejectWithReason(); }
      else if (key === "n" || key === "p") {
        link = document.querySelector(key === "n" ? "[data-shortcut=next]" : "[data-shortcut=previous]");
        if (link) { event.preventDefault(); link.click(); }
      }
    });
  }

  function setupViewer(viewer) {
    var pages = viewer.querySelector("[data-pages]");
    var label = viewer.querySelector("[data-zoom-label]");
    var zoom = parseInt(viewer.dataset.zoom, 10);
    var turn = parseInt(viewer.dataset.turn, 10);

    function show() {
      ZOOMS.forEach(function (value) { pages.classList.toggle("zoom-" + value, value === zoom); });
      label.textContent = zoom + "%";
      pages.querySelectorAll("img[data-page]").forEach(function (img) {
        img.src = img.src.replace(/turn=\d/, "turn=" + turn);
      });
      var url = new URL(window.location.href);
      url.searchParams.set("zoom", zoom);
      url.searchParams.set("turn", turn);
      window.history.replaceState(null, "", url);
    }
    viewer.querySelectorAll("[data-zoom-step]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var index = ZOOMS.indexOf(zoom) + parseInt(link.dataset.zoomStep, 10);
        zoom = ZOOMS[Math.min(Math.max(index, 0), ZOOMS.length - 1)];
        show();
      });
    });
    viewer.querySelectorAll("[data-turn-step]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        turn = (turn + parseInt(link.dataset.turnStep, 10)) % 4;
        show();
      });
    });
  }

  // A page the server cannot draw (a damaged file, a PDF page that fails) shows the sentence beside it, not a
  // broken picture; a page drawn after a turn shows again.
  function setupMissingPages(viewer) {
    viewer.querySelectorAll("img[data-page]").forEach(function (img) {
      var missing = img.parentNode.querySelector("[data-page-missing]");
      function drawn(ok) {
        img.hidden = !ok;
        missing.hidden = ok;
        if (!ok) img.loading = "eager";  // a hidden lazy picture would not load again after a turn
      }
      img.addEventListener("error", function () { drawn(false); });
      img.addEventListener("load", function () { drawn(true); });
      if (img.complete && img.getAttribute("src")) drawn(img.naturalWidth > 0);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-review-form]").forEach(setupShortcuts);
    document.querySelectorAll("[data-viewer]").forEach(setupMissingPages);
    document.querySelectorAll("[data-viewer]").forEach(setupViewer);
  });
})();
