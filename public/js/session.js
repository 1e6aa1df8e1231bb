// @ts-check
/*
 * The browser queue's storage and what signing out does to it. Changes typed in the questionnaire wait in
 * localStorage under the id of the person who made them ("sp4n:q:<user>:<period>:<unit>:<change>"), so on a shared
 * office PC nobody else's session reads or sends them. Signing out clears the person's own queue (asking first while
 * changes still wait) and the questionnaire's service worker; a page with nobody signed in (the login form) removes
 * the service worker too. The questionnaire and its offline page use window.sp4nQueue.
 * data-session on this script: "in" (someone is signed in), "out" (nobody is), else storage helpers only.
 */
(function () {
  'use strict';
  var ROOT = 'sp4n:q:';
  var script = document.currentScript;
  var mode = script ? script.getAttribute('data-session') : '';

  /**
   * @param {string} prefix
   * @returns {string[]}
   */
  function keysFrom(prefix) {
    /** @type {string[]} */
    var out = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (k && k.indexOf(prefix) === 0) out.push(k);
      }
    } catch (e) { /* storage blocked: nothing stored */ }
    return out;
  }
  /** @param {Sp4nAnswerJob} job */
  function levelText(job) {
    return job.na ? 'tidak berlaku' : job.level === null || job.level === undefined ? 'tingkat belum dipilih' : 'Tingkat ' + job.level;
  }

  /** @type {Sp4nQueue} */
  var queue = {
    /** The key prefix of one person's changes to one unit's questionnaire in one period. */
    prefix: function (user, period, unit) { return ROOT + user + ':' + period + ':' + unit + ':'; },
    /** [id, change] of every change stored under the prefix made by this user (unreadable entries are left out). */
    read: function (prefix, user) {
      /** @type {[string, Sp4nJob][]} */
      var out = [];
      keysFrom(prefix).forEach(function (k) {
        try {
          var job = JSON.parse(localStorage.getItem(k) || 'null');
          if (job && job.code && String(job.u) === String(user)) out.push([k.slice(prefix.length), job]);
        } catch (e) { /* a damaged entry is not anyone's change */ }
      });
      return out;
    },
    /** Stores a change, or removes it when `job` is empty. */
    write: function (prefix, id, job) {
      try {
        if (job) localStorage.setItem(prefix + id, JSON.stringify(job)); else localStorage.removeItem(prefix + id);
      } catch (e) { /* storage full or blocked: the change still lives in the open page */ }
    },
    /** How many changes this person has waiting in this browser, any unit. */
    count: function (user) { return keysFrom(ROOT + user + ':').length; },
    /** Removes this person's waiting changes and tells their other open tabs they signed out. */
    clear: function (user) {
      try {
        keysFrom(ROOT + user + ':').forEach(function (k) { localStorage.removeItem(k); });
        localStorage.setItem('sp4n:signed-out:' + user, String(Date.now()));
        localStorage.removeItem('sp4n:signed-out:' + user);
      } catch (e) { /* storage blocked: nothing was stored */ }
    },
    /** One waiting change in words: "A1: Tingkat 3, penjelasan “…”" or "A1: tautan https://…". */
    describe: function (job) {
      var text = job.t === 'l' ? job.code + ': tautan bukti dukung ' + job.url
        : job.code + ': ' + levelText(job) + (job.note ? ', penjelasan “' + job.note + '”' : '');
      return job.refused ? text + ' – ditolak server: ' + job.refused : text;
    }
  };
  /** Set by the questionnaire: sends what it can before the person signs out; resolves when done. */
  queue.flush = null;
  window.sp4nQueue = queue;

  /** Unregisters the questionnaire's service worker and drops its cache (which holds no one's data). */
  function dropWorkers() {
    var jobs = [];
    if (navigator.serviceWorker && navigator.serviceWorker.getRegistrations) {
      jobs.push(navigator.serviceWorker.getRegistrations().then(function (rs) {
        return Promise.all(rs.map(function (r) { return r.unregister(); }));
      }));
    }
    if (window.caches) {
      jobs.push(caches.keys().then(function (ks) {
        return Promise.all(ks.filter(function (k) { return k.indexOf('sp4n-') === 0; }).map(function (k) { return caches.delete(k); }));
      }));
    }
    return Promise.all(jobs).catch(function () { /* nothing registered or not allowed */ });
  }

  if (mode === 'out') { dropWorkers(); return; }
  var found = /** @type {HTMLFormElement | null} */ (document.getElementById('logout'));
  if (mode !== 'in' || !found || !window.Promise) return;
  var logout = found;
  var leaving = false;
  /**
   * @param {Promise<unknown>} promise
   * @param {number} ms
   */
  function within(promise, ms) { return Promise.race([promise, new Promise(function (r) { setTimeout(r, ms); })]); }
  logout.addEventListener('submit', function (e) {
    e.preventDefault();
    if (leaving) return;
    leaving = true;
    var user = logout.getAttribute('data-user') || '';
    // The questionnaire sends what it can first (queue.flush); signing out never waits on the network for long.
    within(Promise.resolve(queue.flush ? queue.flush() : null), 5000).then(function () {
      var n = queue.count(user);
      if (n > 0 && !window.confirm('Masih ada ' + n + ' perubahan yang belum tersimpan di server (tidak ada koneksi atau ditolak). '
        + 'Jika keluar sekarang, perubahan itu dihapus dari peramban ini. Tetap keluar?')) { leaving = false; return; }
      document.documentElement.setAttribute('data-leaving', '1');
      queue.clear(user);
      return within(dropWorkers(), 2000).then(function () { HTMLFormElement.prototype.submit.call(logout); });
    });
  });
})();
