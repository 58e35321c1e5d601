// Nareis pages work without this script; with it:
// - the language switcher submits itself;
// - photos upload one by one with a progress bar each, and a failed one can be sent again
//   (the photos of one document's pages go together, as one document);
// - photos (also a retaken one) are shrunk to what the pipeline reads before they are sent (shrink.js),
//   unless the sponsor asks to send the original;
// - uploads are kept in the browser until the server answered: one cut off by a lost connection waits and
//   is sent when the connection returns, or when the page is opened again by the same account (a session that
//   ran out keeps them for that person's next login; another account logging in on this browser discards them,
//   and they are shown only to the account that chose them);
// - logging out removes the kept uploads from the phone (the server's Clear-Site-Data does too), after
//   saying how many have not been sent yet, with the choice to stay;
// - "Take it again" on a document card sends the new photo as soon as it is taken, kept and sent again
//   like any upload;
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

  // --- Uploads kept in this browser (IndexedDB) from the moment they are chosen until the server has
  // answered, so a photo sent over a connection that drops is sent again when it returns (also after the
  // page was closed). Without IndexedDB (some private windows) uploads simply are not kept.
  var keptUploads = (function () {
    var opening = null;
    function open() {
      if (!opening) {
        opening = new Promise(function (resolve, reject) {
          if (!window.indexedDB) { reject(new Error("no IndexedDB")); return; }
          var request = indexedDB.open("nareis-uploads", 1);
          request.onupgradeneeded = function () { request.result.createObjectStore("uploads", { keyPath: "id", autoIncrement: true }); };
          request.onsuccess = function () { resolve(request.result); };
          request.onerror = function () { reject(request.error); };
        });
      }
      return opening;
    }
    function run(mode, action) {
      return open().then(function (db) {
        return new Promise(function (resolve, reject) {
          var transaction = db.transaction("uploads", mode);
          var request = action(transaction.objectStore("uploads"));
          transaction.oncomplete = function () { resolve(request.result); };
          transaction.onerror = transaction.onabort = function () { reject(transaction.error); };
        });
      });
    }
    return {
      add: function (record) { return run("readwrite", function (store) { return store.add(record); }); },
      get: function (id) { return run("readonly", function (store) { return store.get(id); }); },
      remove: function (id) { return run("readwrite", function (store) { return store.delete(id); }); },
      all: function () { return run("readonly", function (store) { return store.getAll(); }); },
      clear: function () { return run("readwrite", function (store) { return store.clear(); }); }
    };
  })();

  // Kept uploads of the accounts ``unwanted`` picks are removed (a shared phone: another person logged in).
  function discardKept(unwanted) {
    return keptUploads.all().then(function (records) {
      return Promise.all(records.filter(unwanted).map(function (record) { return keptUploads.remove(record.id); }));
    }).catch(function () { /* nothing kept, or no IndexedDB */ });
  }

  // A kept upload as stored: the files' bytes, where they go and for whom (another person may use this phone).
  function keep(upload) {
    return Promise.resolve().then(function () {
      return Promise.all(upload.files.map(function (file) { return file.arrayBuffer(); }));
    }).then(function (buffers) {
      return keptUploads.add({
        url: upload.url, form: upload.form, field: upload.field, user: upload.user, name: upload.name,
        oneDocument: upload.oneDocument, saved: Date.now(),
        files: upload.files.map(function (file, index) { return { name: file.name, type: file.type, data: buffers[index] }; })
      });
    }).then(function (id) { upload.id = id; return upload; }, function () { return upload; });
  }

  function fromKept(record) {
    return {
      id: record.id, url: record.url, form: record.form || record.url, field: record.field || "files",
      user: record.user, name: record.name, oneDocument: record.oneDocument,
      files: record.files.map(function (file) { return new File([file.data], file.name, { type: file.type }); })
    };
  }

  // One upload is sent by one page at a time, also when the phone has it open in two tabs.
  function exclusively(upload, send) {
    if (upload.id === undefined || !(navigator.locks && navigator.locks.request)) return send();
    return navigator.locks.request("nareis-upload-" + upload.id, { ifAvailable: true }, function (lock) {
      return lock ? send() : null;
    });
  }

  // --- Uploads: one request per file, so each has its own progress and its own retry. A retaken photo
  // (``addRetake``) is one too: it goes to its document's retake address, kept and sent again the same way.
  function setupUploads(form) {
    var queue = form.querySelector("[data-upload-queue]");
    var template = document.getElementById("upload-item-template");
    var texts = form.parentNode.querySelector("[data-upload-texts]").dataset;
    var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;  // this page's: a kept upload's may be stale
    var url = form.getAttribute("action");
    var user = form.dataset.uploadUser;
    var shrinkOptions = {
      side: Number(form.dataset.shrinkSide), quality: Number(form.dataset.shrinkQuality),
      smallBytes: Number(form.dataset.shrinkSmallBytes)
    };
    var sendOriginal = form.querySelector("[data-send-original]");
    var items = [];  // {upload, element, sending}

    // ``upload.files``: one photo or PDF, or the photos of one document's pages (sent together, stored as one).
    function send(entry) {
      if (entry.sending) return;  // never the same upload twice at once
      entry.sending = true;
      keptStill(entry).then(function (kept) {
        if (!kept) { entry.sending = false; return; }
        return exclusively(entry.upload, function () {
          return new Promise(function (resolve) { post(entry, resolve); });
        });
      }).finally(function () { entry.sending = false; });
    }

    // Another tab may have sent it meanwhile: its document then shows in the list, and this line goes.
    function keptStill(entry) {
      if (entry.upload.id === undefined) return Promise.resolve(true);
      return keptUploads.get(entry.upload.id).then(function (record) {
        if (!record && entry.element.dataset.uploadStatus !== "done" && entry.element.dataset.uploadStatus !== "rejected") {
          entry.element.remove();
          refreshLive();
        }
        return Boolean(record);
      }, function () { return true; });
    }

    function post(entry, done) {
      var item = entry.element, upload = entry.upload;
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
      upload.files.forEach(function (file) { data.append(upload.field, file, shortName(file.name)); });
      if (upload.oneDocument) data.append("one_document", "1");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", upload.url);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("X-CSRFToken", csrf);
      xhr.setRequestHeader("X-Nareis-Account", upload.user || "");  // refused if someone else is logged in now
      xhr.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
      });
      xhr.addEventListener("load", function () {
        var outcome = null;
        try { outcome = JSON.parse(xhr.responseText).files[0]; } catch (e) { outcome = null; }
        if (xhr.status === 409) {  // another account logged in on this browser (another tab): not theirs to send
          discardAll();
          done();
        } else if (outcome && (xhr.status === 200 || xhr.status === 422 || xhr.status === 400)) {
          answered(entry, outcome.outcome === "rejected" ? "rejected" : "done", outcome.message).then(done);
          if (outcome.outcome !== "rejected") refreshLive().then(schedulePoll);
        } else if (xhr.status >= 400 && xhr.status < 500 && [403, 408, 429].indexOf(xhr.status) < 0) {
          answered(entry, "rejected", texts.refused).then(done);  // the same request would be refused again: no retry
        } else {
          // A server error, a timeout, a proxy page, the login page or a stale form (403): worth trying again.
          fail(item, texts.failed, "failed");
          done();
        }
      });
      xhr.addEventListener("error", function () { waitForConnection(item); done(); });
      xhr.addEventListener("abort", function () { waitForConnection(item); done(); });
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

    // The server has answered: the upload is no longer kept.
    function answered(entry, status, text) {
      var item = entry.element;
      item.dataset.uploadStatus = status;
      item.querySelector("progress").value = 100;
      item.querySelector("progress").hidden = true;
      item.querySelector(".upload-message").textContent = readersDigits(text);
      if (entry.upload.id === undefined) return Promise.resolve();
      return keptUploads.remove(entry.upload.id).catch(function () { /* sent again later: the server knows it */ });
    }

    // This page's person is no longer the one logged in: what they kept leaves the screen and the browser.
    function discardAll() {
      items.forEach(function (entry) { entry.element.remove(); });
      items = [];
      discardKept(function (record) { return record.user === user; });
    }

    function fail(item, text, status) {
      item.dataset.uploadStatus = status;
      item.querySelector("progress").hidden = true;
      item.querySelector(".upload-message").textContent = text;
      item.querySelector(".upload-retry").hidden = false;
    }

    function waitForConnection(item) { fail(item, texts.waiting, "waiting"); }

    function show(upload) {
      var item = template.content.firstElementChild.cloneNode(true);
      var entry = { upload: upload, element: item, sending: false };
      item.querySelector(".upload-name").textContent = upload.name;
      item.querySelector("progress").setAttribute("aria-label", upload.name);
      item.querySelector(".upload-retry").addEventListener("click", function () { send(entry); });
      queue.appendChild(item);
      items.push(entry);
      return entry;
    }

    function sendOrWait(entry) {
      if (navigator.onLine === false) waitForConnection(entry.element);
      else send(entry);
    }

    function add(files, oneDocument, target) {
      var name = files[0].name + (files.length > 1 ? " (+" + (files.length - 1) + ")" : "");
      var entry = show({ url: target ? target.url : url, form: url, field: target ? target.field : "files", user: user,
                         name: name, oneDocument: oneDocument, files: files });
      entry.element.querySelector(".upload-message").textContent = texts.uploading;
      var original = sendOriginal && sendOriginal.checked || !window.NareisShrink;
      var prepared = [];
      files.forEach(function (file) {
        // One photo at a time: a decoded 12-megapixel photo takes 48 MB of a phone's memory.
        shrinking = shrinking.then(function () {
          return original ? file : window.NareisShrink.shrinkPhoto(file, shrinkOptions).then(function (result) { return result.file; });
        }).then(function (ready) { prepared.push(ready); });
      });
      shrinking.then(function () {
        entry.upload.files = prepared;
        return keep(entry.upload);
      }).then(function () { sendOrWait(entry); });
      return entry;
    }
    var shrinking = Promise.resolve();

    // Uploads kept from an earlier visit (or a page closed while sending) are sent now.
    keptUploads.all().then(function (records) {
      records.filter(function (record) { return (record.form || record.url) === url && record.user === user; })
        .forEach(function (record) {
          var entry = show(fromKept(record));
          waitForConnection(entry.element);
          sendOrWait(entry);
        });
    }, function () { /* nothing kept */ });

    function sendWaiting() {
      if (navigator.onLine === false) return;
      items.forEach(function (entry) { if (entry.element.dataset.uploadStatus === "waiting") send(entry); });
    }
    window.addEventListener("online", sendWaiting);
    setInterval(sendWaiting, 30000);  // a weak signal does not always tell the browser it is back

    var oneDocument = form.querySelector("[data-one-document]");
    form.querySelectorAll("[data-upload-input]").forEach(function (input) {
      input.addEventListener("change", function () {
        var files = Array.prototype.slice.call(input.files);
        input.value = "";  // the same photo can be chosen again
        if (!files.length) return;
        if (oneDocument.checked && files.length > 1) add(files, true);
        else files.forEach(function (file) { add([file], false); });
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    return {
      addRetake: function (retakeUrl, file) {
        var entry = add([file], false, { url: retakeUrl, field: "file" });
        entry.element.scrollIntoView({ block: "center" });  // where the sponsor sees it being sent, or waiting
      }
    };
  }

  // A retaken photo goes like an upload (shrunk, kept on the phone until the server answered, sent again when
  // the connection returns); without JavaScript its form posts it as a page of its own.
  // The form is in the live part, which is replaced while polling: listened for on the document.
  function sendRetakes(uploads) {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      var input = form.querySelector && form.querySelector("[data-retake-file]");
      if (!input || !input.files.length) return;
      event.preventDefault();
      var file = input.files[0];
      input.value = "";  // the card may be redrawn now; the photo is on its way
      uploads.addRetake(form.getAttribute("action"), file);
    });
  }

  // --- Logging out: a borrowed or shared phone keeps nothing of the family's photos. The server's answer
  // clears the site's storage too (Clear-Site-Data); the script first says what has not been sent yet.
  function setupLogout(form) {
    var dialog = document.querySelector("[data-unsent-dialog]");
    function logOut() {
      keptUploads.clear().catch(function () { /* nothing kept, or no IndexedDB */ }).then(function () {
        HTMLFormElement.prototype.submit.call(form);
      });
    }
    var account = document.body.dataset.account;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      keptUploads.all().then(function (records) {
        return records.filter(function (record) { return record.user === account; }).reduce(function (count, record) { return count + record.files.length; }, 0);
      }, function () { return 0; }).then(function (unsent) {
        if (!unsent || !dialog || typeof dialog.showModal !== "function") { logOut(); return; }
        dialog.querySelector("[data-unsent-text]").textContent = unsentSentence(dialog, unsent);
        dialog.showModal();
      });
    });
    if (!dialog) return;
    dialog.querySelector("[data-unsent-stay]").addEventListener("click", function () { dialog.close(); });
    dialog.querySelector("[data-unsent-leave]").addEventListener("click", function () { dialog.close(); logOut(); });
  }

  // The sentence in the plural form of ``count``: the page holds it for one sample count per form.
  function unsentSentence(dialog, count) {
    var samples = Array.prototype.slice.call(dialog.querySelectorAll("[data-unsent-sample]"));
    var chosen = samples[samples.length - 1];
    if (window.Intl && Intl.PluralRules) {
      var rules = new Intl.PluralRules(document.documentElement.lang || "en");
      var category = rules.select(count);
      chosen = samples.filter(function (sample) {
        return rules.select(Number(sample.dataset.unsentSample)) === category;
      })[0] || (count === 1 ? samples[0] : chosen);
    } else if (count === 1) {
      chosen = samples[0];
    }
    return chosen.content.textContent.replace("{count}", readersDigits(String(count)));
  }

  // Farsi pages write numbers in Persian digits (config/digits.py does the page's text); Arabic keeps Western ones.
  // Text the server isolated (U+2068 ... U+2069: a file name) keeps its digits.
  function readersDigits(text) {
    if ((document.documentElement.lang || "").split("-")[0] !== "fa") return text;
    return text.split(/([\u2066-\u2068][^\u2069]*\u2069)/).map(function (part, index) {
      return index % 2 ? part : part.replace(/[0-9]/g, function (digit) { return "۰۱۲۳۴۵۶۷۸۹".charAt(Number(digit)); });
    }).join("");
  }

  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    // Someone logged in: photos another account kept on this browser are theirs alone, and go. With nobody
    // logged in (a session that ran out) they stay, unseen, for their owner's next login.
    var account = document.body.dataset.account;
    if (account) discardKept(function (record) { return record.user !== account; });
    document.querySelectorAll("[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
    var uploadForm = document.querySelector("[data-upload-form]");
    if (uploadForm) sendRetakes(setupUploads(uploadForm));  // shows only this account's kept uploads
    document.querySelectorAll("[data-logout-form]").forEach(setupLogout);
    // Take it again: the new photo goes as soon as it is taken (the card may have been redrawn by polling),
    // through the form's submit event, so that it is sent like an upload (sendRetakes).
    document.addEventListener("change", function (event) {
      var input = event.target;
      if (!input.matches || !input.matches("[data-retake-file]") || !input.files.length) return;
      if (typeof input.form.requestSubmit === "function") input.form.requestSubmit();
      else input.form.submit();
    });
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
