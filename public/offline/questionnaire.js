// @ts-check
/*
 * The questionnaire's offline page (served by the service worker when reloading it fails): lists the changes this
 * person still has waiting in the browser for this unit, and opens the questionnaire again once the server
 * answers. The worker fills in the person's id (data-user); nobody else's changes are read.
 */
(function () {
  'use strict';
  var stash = window.sp4nQueue;
  var user = document.documentElement.getAttribute('data-user');
  var where = /^\/periods\/([0-9]+)\/units\/([0-9]+)\/assessment$/.exec(location.pathname);
  var count = document.getElementById('count');
  var list = document.getElementById('waiting');
  if (!count || !list) return;
  if (!stash || !user || !where) {
    count.textContent = 'Perubahan yang menunggu tidak dapat dibaca di halaman ini. Buka kembali halaman kuesioner setelah tersambung.';
    return;
  }
  var jobs = stash.read(stash.prefix(user, where[1], where[2]), user);
  jobs.sort(function (a, b) { return a[1].code < b[1].code ? -1 : a[1].code > b[1].code ? 1 : 0; });
  count.textContent = jobs.length === 0 ? 'Tidak ada perubahan yang menunggu: semua yang Anda isi sudah tersimpan di server.'
    : jobs.length + ' perubahan menunggu dikirim:';
  for (var i = 0; i < jobs.length; i++) {
    var li = document.createElement('li');
    li.textContent = stash.describe(jobs[i][1]);
    list.append(li);
  }
  var leaving = false;
  function again() {
    if (leaving) return;
    leaving = true;
    location.reload();
  }
  // Back online: open the questionnaire as soon as the server answers (the "online" event can come before it does).
  function probe() {
    if (leaving) return;
    fetch('/healthz', { cache: 'no-store' }).then(function (res) { if (res.ok) again(); }, function () { /* still offline */ });
  }
  var retry = document.getElementById('retry');
  if (retry) retry.addEventListener('click', again);
  window.addEventListener('online', probe);
  setInterval(probe, 5000);
})();
