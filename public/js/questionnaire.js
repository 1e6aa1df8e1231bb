// @ts-check
/*
 * Questionnaire enhancement (the form works without it): every change is saved on its own, queued in
 * localStorage first (under the signed-in person's id, see session.js) so a dropped connection or a closed tab
 * loses nothing, and sent again when the connection returns; a change the server refuses stays with its message
 * until the person changes or discards it; live progress and evidence warnings; evidence upload, links (each with
 * a key made here, so a retry never adds it twice) and deletion in place; the choice in a conflict; a confirmation
 * before submitting; a service worker that shows the waiting changes when the page is reloaded offline.
 */
(function () {
  'use strict';
  var found = /** @type {HTMLFormElement | null} */ (document.getElementById('questionnaire'));
  var foundStash = window.sp4nQueue;
  var foundLive = document.getElementById('save-live');
  var foundConfirm = window.sp4nConfirmSubmit;
  if (!found || !foundStash || !foundLive || !window.sp4nEvidence || !foundConfirm || !window.fetch || !window.FormData || !Element.prototype.closest) return;
  var form = found;
  var stash = foundStash;
  var live = foundLive;
  var confirmSubmit = foundConfirm;
  var ds = form.dataset;
  var USER = ds.user || '';
  var KEY = stash.prefix(USER, ds.period || '', ds.unit || '');
  var csrf = field('_csrf').value;
  /** @type {Record<string, string>} */
  var JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf, 'X-Queue-User': USER };
  var STATES = {
    saved: 'Tersimpan', saving: 'Menyimpan…', dirty: 'Belum tersimpan', offline: 'Belum tersimpan – menunggu koneksi',
    conflict: 'Bentrok – pilih nilai', error: 'Gagal disimpan'
  };
  /** @type {Map<string, Sp4nJob>} */
  var queue = new Map(); // 'a:A1' answer or 'l:A1:<key>' link → job
  /** @type {Map<string, Promise<void>>} */
  var inflight = new Map();
  /** @type {Record<string, number>} */
  var timers = {};
  var online = navigator.onLine !== false;
  var lastSaved = '';
  var leaving = false;
  var ended = false; // signed out in another tab: nothing more is sent or stored from this page
  /** @type {Record<string, Sp4nAnswer>} */
  var stored = {}; // level and note as last saved on the server, by indicator: what "Buang" brings back

  form.classList.add('js');
  var pre = document.getElementById('presubmit');
  if (pre) pre.hidden = true;
  form.querySelectorAll('input[type=file]').forEach(function (f) { /** @type {HTMLInputElement} */ (f).accept = ds.accept || ''; });

  /** @param {string} code */
  function box(code) { return document.getElementById('ind-' + code); }
  /**
   * A control of an indicator on the page (level_, note_, v_, link_ and its code; _csrf): the server renders each.
   * @param {string} name
   * @returns {HTMLInputElement | HTMLTextAreaElement}
   */
  function field(name) { return /** @type {HTMLInputElement | HTMLTextAreaElement} */ (form.elements.namedItem(name)); }
  /** @param {Element} el */
  function codeOf(el) { var fs = el.closest('fieldset.indicator'); return fs ? fs.id.slice(4) : null; }
  /** @param {string} id */
  function store(id) { if (!ended) stash.write(KEY, id, queue.get(id)); }
  /** @param {Sp4nJob} job */
  function waiting(job) { return !job.conflict && !job.refused; }
  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, /** @param {number} b */ function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  /**
   * @param {string} code
   * @returns {Sp4nAnswer}
   */
  function read(code) {
    var r = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="level_' + code + '"]:checked'));
    var v = r ? r.value : '';
    return { level: v === '' || v === 'na' ? null : Number(v), na: v === 'na', note: field('note_' + code).value };
  }
  /**
   * @param {string} code
   * @param {string} level a level's radio value: '0'…'4', 'na', or '' for none
   * @param {string} note
   */
  function setFields(code, level, note) {
    /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input[name="level_' + code + '"]')).forEach(function (r) { r.checked = r.value === level; });
    field('note_' + code).value = note;
  }

  /**
   * @param {string} code
   * @param {keyof typeof STATES} state
   * @param {string} [extra]
   */
  function mark(code, state, extra) {
    var fs = box(code);
    if (!fs) return;
    var s = /** @type {HTMLElement | null} */ (fs.querySelector('.st'));
    if (!s) {
      s = document.createElement('p');
      s.className = 'st';
      var legend = fs.querySelector('legend');
      if (legend) legend.after(s);
    }
    s.dataset.state = state;
    s.textContent = STATES[state] + (extra ? ' ' + extra : '');
  }
  /**
   * @param {string} code
   * @param {string} text
   * @param {boolean} [bad]
   */
  function note(code, text, bad) {
    var fs = box(code);
    var add = fs && fs.querySelector('.ev-add');
    if (!add) return;
    var p = add.querySelector('.evst');
    if (!p) { p = document.createElement('p'); p.className = 'evst'; p.setAttribute('role', 'status'); add.append(p); }
    p.textContent = text;
    p.classList.toggle('bad', !!bad);
  }
  function summary() {
    if (ended) return;
    var n = queue.size;
    var clash = 0;
    var refused = 0;
    queue.forEach(function (job) { if (job.conflict) clash++; else if (job.refused) refused++; });
    var held = [];
    if (clash > 0) held.push(clash + ' jawaban bentrok menunggu pilihan Anda');
    if (refused > 0) held.push(refused + ' ditolak server – lihat pesannya pada indikator');
    live.textContent = n === 0 ? (lastSaved ? 'Semua perubahan tersimpan · pukul ' + lastSaved : '')
      : inflight.size > 0 ? 'Menyimpan ' + n + ' perubahan…'
      : clash + refused === n ? held.join('; ')
      : n + ' perubahan belum tersimpan' + (online ? '' : ' – menunggu koneksi; perubahan tetap disimpan di peramban ini')
        + (held.length > 0 ? ' (' + held.join('; ') + ')' : '');
  }

  function progress() {
    var done = 0;
    /** @type {Record<string, number>} */
    var per = {};
    var all = form.querySelectorAll('fieldset.indicator');
    all.forEach(function (fs) {
      var section = fs.closest('section');
      var aspect = ((section && section.getAttribute('aria-labelledby')) || '').slice(7);
      var ok = !!fs.querySelector('input[name^="level_"]:checked');
      per[aspect] = (per[aspect] || 0) + (ok ? 1 : 0);
      if (ok) done++;
    });
    var prog = document.getElementById('prog');
    var bar = /** @type {HTMLProgressElement | null} */ (document.getElementById('progbar'));
    if (prog) prog.textContent = done + ' dari ' + all.length + ' indikator';
    if (bar) bar.value = done;
    /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-aspect]')).forEach(function (s) { s.textContent = String(per[s.dataset.aspect || ''] || 0); });
  }
  /** @param {string} code */
  function warn(code) {
    var fs = box(code);
    if (!fs) return;
    var v = read(code);
    var need = v.level !== null && v.level >= 1 && !fs.querySelector('.evidence li');
    var w = fs.querySelector('p.warn');
    var list = fs.querySelector('.evidence');
    if (need && !w && list) { w = document.createElement('p'); w.className = 'warn'; w.textContent = ds.warn || ''; list.after(w); }
    if (!need && w) w.remove();
  }

  /**
   * A change to an indicator's level or note: queue it at once, send it now or after a pause in typing.
   * @param {string} code
   * @param {boolean} now
   */
  function changed(code, now) {
    var id = 'a:' + code;
    var old = queue.get(id);
    var v = read(code);
    /** @type {Sp4nAnswerJob} */
    var job = { t: 'a', u: USER, code: code, version: Number(field('v_' + code).value), level: v.level, na: v.na, note: v.note };
    if (old && old.conflict) job.conflict = true;
    dropRefused(id);
    queue.set(id, job);
    store(id);
    mark(code, job.conflict ? 'conflict' : online ? 'dirty' : 'offline');
    progress();
    warn(code);
    summary();
    clearTimeout(timers[id]);
    if (!job.conflict) timers[id] = setTimeout(function () { send(id); }, now ? 0 : 800);
  }

  /**
   * @param {string} id
   * @returns {Promise<void>}
   */
  function send(id) {
    var sending = inflight.get(id);
    if (sending) return sending;
    var p = transmit(id).then(function (sent) {
      inflight.delete(id);
      summary();
      var next = queue.get(id);
      if (sent && next && next !== sent && waiting(next) && online && !ended) return send(id);
    });
    inflight.set(id, p);
    return p;
  }

  /**
   * @param {string} id
   * @returns {Promise<Sp4nJob | null>} the job sent, null when there was nothing to send
   */
  function transmit(id) {
    var job = queue.get(id);
    if (!job || !waiting(job) || ended) return Promise.resolve(null);
    return post(id, job);
  }
  /**
   * @param {string} id
   * @param {Sp4nJob} job
   * @returns {Promise<Sp4nJob>}
   */
  function post(id, job) {
    if (job.t === 'a') mark(job.code, 'saving'); else note(job.code, 'Menyimpan tautan…');
    summary();
    var req = job.t === 'a'
      ? fetch(ds.api + '/answers/' + job.code, { method: 'PUT', headers: JSON_HEADERS, credentials: 'same-origin',
          body: JSON.stringify({ level: job.level, na: job.na, note: job.note, version: job.version }) })
      : fetch(ds.api + '/evidence-links', { method: 'POST', headers: JSON_HEADERS, credentials: 'same-origin',
          body: JSON.stringify({ indicator: job.code, url: job.url, key: job.key }) });
    return req.then(function (res) {
      online = true;
      return res.json().catch(function () { return {}; }).then(/** @param {Sp4nReply} data */ function (data) {
        if (res.ok) saved(id, job, data); else refused(id, job, res.status, data);
        return job;
      });
    }, function () {
      online = false;
      if (job.t === 'a') mark(job.code, 'offline'); else note(job.code, 'Tautan belum tersimpan – menunggu koneksi.', true);
      return job;
    });
  }

  /**
   * @param {string} id
   * @param {Sp4nJob} job
   * @param {Sp4nReply} data
   */
  function saved(id, job, data) {
    var current = queue.get(id);
    if (job.t === 'a') {
      var a = data.answer;
      if (!a) return;
      stored[job.code] = { level: a.level, na: a.na, note: a.note };
      field('v_' + job.code).value = String(a.version);
      lastSaved = a.savedTime;
      var fs = box(job.code);
      var copied = fs && fs.querySelector('.copied');
      if (copied && !a.copied) copied.remove();
      if (current === job) { queue.delete(id); mark(job.code, 'saved', a.savedTime); } else if (current && current.t === 'a') current.version = a.version;
    } else {
      addItems(data.evidence);
      var input = field('link_' + job.code);
      if (input.value.trim() === job.url) input.value = '';
      if (current === job) queue.delete(id);
      note(job.code, data.evidence && data.evidence.length > 0 ? 'Tautan ditambahkan.' : 'Tautan ini sudah ditambahkan sebelumnya lalu dihapus.');
    }
    store(id);
  }

  /**
   * @param {string} id
   * @param {Sp4nJob} job
   * @param {number} status
   * @param {Sp4nReply} data
   */
  function refused(id, job, status, data) {
    var err = data.error || {};
    if (status === 409 && data.conflict) {
      job.conflict = true;
      store(id);
      var fs = box(job.code);
      var old = fs && fs.querySelector('.conflict');
      if (old) old.remove();
      var question = fs && fs.querySelector('.question');
      if (question) question.insertAdjacentHTML('afterend', data.conflict.html);
      mark(job.code, 'conflict');
      return;
    }
    var session = status === 401 || err.code === 'csrf-invalid';
    if (session || status >= 500 || status === 408 || status === 429) {
      var text = session ? 'Sesi berakhir: masuk kembali, lalu muat ulang halaman ini. Perubahan tetap disimpan di peramban.'
        : 'Server sedang bermasalah; perubahan dikirim lagi otomatis.';
      if (job.t === 'a') mark(job.code, 'error', '– ' + text); else note(job.code, text, true);
      return;
    }
    // Refused for good (4xx): the change stays, shown with the server's message, until changed or discarded.
    job.refused = err.message || 'Perubahan tidak dapat disimpan.';
    store(id);
    showRefused(id, job);
  }

  /**
   * A refused change at its indicator: the server's words and a button to discard it.
   * @param {string} id
   * @param {Sp4nJob} job
   */
  function showRefused(id, job) {
    dropRefused(id);
    var p = document.createElement('p');
    p.className = 'refused';
    p.setAttribute('role', 'alert');
    p.dataset.job = id;
    p.textContent = (job.t === 'a' ? 'Jawaban ' : 'Tautan ' + job.url + ' ') + 'tidak disimpan: ' + job.refused + ' ';
    var b = document.createElement('button');
    b.type = 'button';
    b.dataset.discard = id;
    b.textContent = 'Buang perubahan ini';
    p.append(b);
    var fs = box(job.code);
    var spot = fs && fs.querySelector(job.t === 'a' ? '.levels' : '.ev-add');
    if (spot) spot.before(p);
    if (job.t === 'a') mark(job.code, 'error', '– ' + job.refused);
    summary();
  }
  /** @param {string} id */
  function dropRefused(id) {
    var old = form.querySelector('p.refused[data-job="' + id + '"]');
    if (old) old.remove();
  }
  /**
   * Discards a refused change: an answer goes back to its value on the server.
   * @param {string} id
   */
  function discard(id) {
    var job = queue.get(id);
    queue.delete(id);
    store(id);
    dropRefused(id);
    if (job && job.t === 'a') {
      var s = stored[job.code];
      setFields(job.code, s.na ? 'na' : s.level === null ? '' : String(s.level), s.note);
      mark(job.code, 'saved');
      progress();
      warn(job.code);
    }
    summary();
  }

  /** @returns {Promise<boolean>} true when nothing is left waiting */
  function flush() {
    var ids = Array.from(queue.keys()).filter(function (id) { var job = queue.get(id); return !!job && waiting(job); });
    return Promise.all(ids.map(send)).then(function () { return queue.size === 0; });
  }

  /** @param {Sp4nEvidenceItem[] | undefined} list */
  function addItems(list) {
    (list || []).forEach(function (item) {
      if (document.getElementById('ev-' + item.id)) return; // an answer to a retry: the item is already shown
      var fs = box(item.code);
      var items = fs && fs.querySelector('.evidence');
      if (!items) return;
      items.insertAdjacentHTML('beforeend', item.html);
      warn(item.code);
    });
  }

  var evidence = window.sp4nEvidence(form, { csrf: csrf, headers: JSON_HEADERS, note: note, addItems: addItems, warn: warn });

  /**
   * @param {string} code
   * @param {string} url
   */
  function addLink(code, url) {
    if (!url) return;
    if (!/^https?:\/\/\S+\.\S+$/i.test(url)) { note(code, 'Tautan harus diawali http:// atau https://', true); return; }
    var key = newKey();
    var id = 'l:' + code + ':' + key;
    queue.set(id, { t: 'l', u: USER, code: code, url: url, key: key });
    store(id);
    summary();
    send(id);
  }

  form.addEventListener('change', function (e) {
    var t = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (e.target);
    var code = codeOf(t);
    if (!code) return;
    if (t.name === 'level_' + code || t.name === 'note_' + code) changed(code, true);
    else if (t.name === 'link_' + code) addLink(code, t.value.trim());
    else if (t.name === 'file_' + code && t instanceof HTMLInputElement) evidence.upload(code, t);
    else if (t.name === 'del' && t instanceof HTMLInputElement) evidence.remove(code, t);
  });
  form.addEventListener('input', function (e) {
    var t = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (e.target);
    var code = codeOf(t);
    if (code && t.name === 'note_' + code) changed(code, false);
  });
  form.addEventListener('click', function (e) {
    var target = /** @type {Element} */ (e.target);
    var d = /** @type {HTMLButtonElement | null} */ (target.closest('button[data-discard]'));
    if (d) { discard(d.dataset.discard || ''); return; }
    var b = /** @type {HTMLButtonElement | null} */ (target.closest('button[data-pick]'));
    var c = b && /** @type {HTMLElement | null} */ (b.closest('.conflict'));
    var code = c && codeOf(c);
    if (!b || !c || !code) return;
    var id = 'a:' + code;
    field('v_' + code).value = c.dataset.version || '';
    c.remove();
    var job = queue.get(id);
    if (b.dataset.pick === 'theirs') {
      setFields(code, c.dataset.level || '', c.dataset.note || '');
      queue.delete(id);
      store(id);
      mark(code, 'saved');
      progress();
      warn(code);
      summary();
    } else if (job && job.t === 'a') {
      job.conflict = false;
      job.version = Number(c.dataset.version);
      store(id);
      send(id);
    } else {
      changed(code, true);
    }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (e.submitter && e.submitter.classList.contains('submit')) {
      confirmSubmit(form, /** @type {HTMLButtonElement} */ (e.submitter), {
        read: read, flush: flush, pending: function (code) { return queue.has('a:' + code); }, leave: function () { leaving = true; },
      });
      return;
    }
    flush().then(function (clean) {
      if (clean) live.textContent = lastSaved ? 'Semua perubahan tersimpan · pukul ' + lastSaved : 'Tidak ada perubahan yang belum tersimpan.';
    });
  });
  window.addEventListener('beforeunload', function (e) {
    var open = inflight.size;
    queue.forEach(function (job) { if (!job.refused) open++; });
    if (leaving || ended || open === 0 || document.documentElement.hasAttribute('data-leaving')) return;
    e.preventDefault();
    e.returnValue = '';
  });
  window.addEventListener('online', function () { online = true; flush(); });
  window.addEventListener('offline', function () { online = false; summary(); });
  setInterval(function () { if (!ended && queue.size > 0 && inflight.size === 0) flush(); }, 10000);
  // Signed out in another tab (session.js): this page sends and keeps nothing more.
  window.addEventListener('storage', function (e) {
    if (e.key !== 'sp4n:signed-out:' + USER || !e.newValue) return;
    ended = true;
    queue.clear();
    live.textContent = 'Anda telah keluar di tab lain; perubahan yang belum tersimpan dihapus dari peramban ini. Masuk kembali untuk melanjutkan.';
  });
  stash.flush = flush;

  // What the server sent: the values "Buang perubahan ini" brings back.
  form.querySelectorAll('fieldset.indicator').forEach(function (fs) {
    var code = fs.id.slice(4);
    if (form.elements.namedItem('v_' + code)) stored[code] = read(code);
  });
  // Changes this person left in this browser (offline, a closed tab) come back into the form and are sent;
  // refused ones come back with the server's message. Nobody else's changes are read (session.js).
  stash.read(KEY, USER).forEach(function (entry) {
    var id = entry[0];
    var job = entry[1];
    if (!box(job.code) || !form.elements.namedItem('v_' + job.code)) { stash.write(KEY, id, null); return; }
    job.conflict = false;
    if (job.t === 'l') {
      queue.set(id, job);
      if (job.refused) showRefused(id, job); else note(job.code, 'Tautan menunggu dikirim: ' + job.url);
      return;
    }
    var now = read(job.code);
    if (!job.refused && now.level === job.level && now.na === job.na && now.note === job.note) { stash.write(KEY, id, null); return; }
    setFields(job.code, job.na ? 'na' : job.level === null ? '' : String(job.level), job.note);
    queue.set(id, job);
    if (job.refused) showRefused(id, job); else mark(job.code, 'dirty');
  });
  // A form sent back by the server with the person's unsaved values (a refused save) is saved by the script.
  if (ds.unsaved) {
    form.querySelectorAll('fieldset.indicator').forEach(function (fs) {
      var code = fs.id.slice(4);
      if (!fs.querySelector('.conflict') && !queue.has('a:' + code)) changed(code, false);
    });
  }
  form.querySelectorAll('.conflict').forEach(function (c) { var code = codeOf(c); if (code) mark(code, 'conflict'); });
  progress();
  summary();
  flush();
  // Reloading this page without a connection shows the changes still waiting instead of the browser's error page.
  if (navigator.serviceWorker && ds.worker) {
    navigator.serviceWorker.register(ds.worker, { scope: location.pathname }).catch(function () { /* no offline page then */ });
  }
})();
