// Live status: while documents are being read, refresh the checklist and
// document list every two seconds without reloading the page.
(function () {
  "use strict";
  var POLL_MS = 2000;

  function poll() {
    var live = document.getElementById("live");
    if (!live || !live.querySelector("[data-polling]")) return;
    fetch(live.dataset.liveUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) live.innerHTML = html; })
      .catch(function () { /* offline for a moment: try again on the next tick */ })
      .finally(function () { setTimeout(poll, POLL_MS); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
    setTimeout(poll, POLL_MS);
  });
})();
