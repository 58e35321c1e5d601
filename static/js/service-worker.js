// Nareis service worker: shows the offline page when a page cannot be fetched. Nothing of a case is cached:
// pages always come from the network; only the offline page and its style are kept.
"use strict";
var CACHE = "nareis-shell-v1";
var OFFLINE_URL = "/offline/";

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.add(new Request(OFFLINE_URL, { cache: "reload", credentials: "omit" })).then(function () {
      return fetch(OFFLINE_URL, { credentials: "omit" }).then(function (response) { return response.text(); }).then(function (html) {
        var styles = Array.from(html.matchAll(/href="([^"]+\.css)"/g), function (match) { return match[1]; });
        return cache.addAll(styles);
      });
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== CACHE; }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(function () { return caches.match(OFFLINE_URL); }));
    return;
  }
  if (new URL(request.url).pathname.endsWith(".css")) {
    event.respondWith(fetch(request).catch(function () { return caches.match(request); }));
  }
});
