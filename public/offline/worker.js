// @ts-check
/*
 * The questionnaire's service worker, registered by questionnaire.js with the questionnaire page itself as its
 * scope and served at /sw.js?u=<user id> (src/web/root-files.ts puts VERSION in front of this file). It keeps no
 * page and no answer: loading the questionnaire goes to the network as always, and only when that fails does it
 * answer with the offline page, which lists the changes waiting in this person's browser queue. What it caches is
 * the same for everyone (the offline page, its stylesheet and scripts). session.js removes it on signing out and
 * on the login page.
 */
/* global VERSION */
'use strict';
/** This script's global scope, a service worker (the WebWorker types know `self` only as some worker). */
var worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
var CACHE = 'sp4n-offline-' + VERSION;
var PAGE = '/static/offline/questionnaire.html';
var FILES = [PAGE, '/static/offline/questionnaire.js', '/static/js/session.js', '/static/css/app.css', '/favicon.ico'];
var USER = (/^[0-9]+$/.exec(new URL(worker.location.href).searchParams.get('u') || '') || [''])[0];

worker.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CACHE)
    .then(function (c) { return c.addAll(FILES.map(function (f) { return new Request(f, { cache: 'reload' }); })); })
    .then(function () { return worker.skipWaiting(); }));
});

worker.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys()
    .then(function (ks) { return Promise.all(ks.filter(function (k) { return k.indexOf('sp4n-offline-') === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); })); })
    .then(function () { return worker.clients.claim(); }));
});

/** The offline page with this worker's user in it, so it lists that person's waiting changes and nobody else's. */
function offlinePage() {
  return caches.open(CACHE)
    .then(function (c) { return c.match(PAGE); })
    .then(function (res) {
      if (!res) throw new Error('The offline page is not in the cache');
      return res.text();
    })
    .then(function (html) {
      return new Response(html.replace('data-user=""', 'data-user="' + USER + '"'), {
        status: 503,
        headers: {
          'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store',
          'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'",
        },
      });
    });
}

worker.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET') return;
  var url = new URL(req.url);
  if (url.origin !== worker.location.origin) return;
  if (req.mode === 'navigate') {
    if (url.pathname !== new URL(worker.registration.scope).pathname) return;
    e.respondWith(fetch(req).catch(offlinePage));
  } else if (FILES.indexOf(url.pathname) !== -1 && url.search === '') {
    // A file missing from the cache fails like the network did.
    e.respondWith(fetch(req).catch(function () {
      return caches.open(CACHE)
        .then(function (c) { return c.match(url.pathname); })
        .then(function (res) { return res || Response.error(); });
    }));
  }
});
