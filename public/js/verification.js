// @ts-check
/*
 * Verification page enhancement (the form works without it): each indicator's decision and comment, and the general
 * comment, are saved as they are made. Every change is kept in localStorage first, under the signed-in user, the
 * period and the unit, until the server has stored it: a session that expired while the verifier worked, a dropped
 * connection or a closed tab loses nothing, and the page sends what was left once the same person is signed in again.
 */
/**
 * A change as the verifier made it: the general comment ('umum': comment only) or one indicator's decision.
 * @typedef {{ code: string, comment: string, decision?: string, level?: string, reason?: string, revision?: number, sample?: SampleRow[] | null }} VerifierChange
 */
/** One report of a reply sample (D3) as typed: its tracking ID and the checklist items ticked. @typedef {{ trackingId: string, checks: string[] }} SampleRow */
/** @typedef {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} VerificationField a field of the form */
/**
 * What the verification API answers: the saved review and the page's counts, or why it refused.
 * @typedef {object} VerificationReply
 * @property {{ state: string | null, savedTime: string, sample?: { text: string } | null }} [review]
 * @property {{ decided: number, total: number, bulk: number }} [counts]
 * @property {{ code?: string, message?: string, fields?: Record<string, string> }} [error]
 */
(function () {
  'use strict';
  var found = /** @type {HTMLFormElement | null} */ (document.getElementById('verification'));
  var foundLive = document.getElementById('save-live');
  var foundBanner = found && /** @type {HTMLElement | null} */ (found.querySelector('.session-expired'));
  if (!found || !foundLive || !foundBanner || !window.fetch || !window.Map || !Element.prototype.closest) return;
  var form = found;
  var live = foundLive;
  var banner = foundBanner;
  var ds = form.dataset;
  var KEY = ds.key + ':';
  var csrf = field('_csrf').value;
  /** @type {Record<string, string>} */
  var HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf };
  var STATES = {
    saved: 'Tersimpan', saving: 'Menyimpan…', dirty: 'Belum tersimpan', offline: 'Belum tersimpan – menunggu koneksi',
    incomplete: 'Belum tersimpan – pilih tingkat hasil verifikasi dan tulis alasannya', expired: 'Belum tersimpan – sesi berakhir',
    error: 'Gagal disimpan', idle: '\u00a0'
  };
  /** @type {Map<string, VerifierChange>} */
  var queue = new Map(); // 'A1' or 'umum' → the fields as typed
  /** @type {Map<string, Promise<void>>} */
  var inflight = new Map();
  /** @type {Record<string, number>} */
  var timers = {};
  var expired = false;
  var kept = true; // every queued change is also in localStorage
  var lastSaved = '';

  /**
   * A control the server renders for each indicator (decision_, vlevel_, reason_, comment_, rev_ and its code) or
   * the page (comment_umum, _csrf).
   * @param {string} name
   * @returns {VerificationField}
   */
  function field(name) { return /** @type {VerificationField} */ (form.elements.namedItem(name)); }
  /** @param {string} code */
  function box(code) { return code === 'umum' ? field('comment_umum').closest('section') : document.getElementById('ind-' + code); }
  /** @param {VerificationField} el */
  function codeOf(el) {
    if (el.name === 'comment_umum') return 'umum';
    var art = el.closest('article.indicator');
    return art ? art.id.slice(4) : null;
  }
  /** @param {string} code */
  function store(code) {
    try {
      var job = queue.get(code);
      if (job) localStorage.setItem(KEY + code, JSON.stringify(job)); else localStorage.removeItem(KEY + code);
    } catch (e) { kept = false; }
  }

  /**
   * @param {string} code
   * @returns {VerifierChange}
   */
  function read(code) {
    if (code === 'umum') return { code: code, comment: field('comment_umum').value };
    var r = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="decision_' + code + '"]:checked'));
    return {
      code: code, decision: r ? r.value : '', level: field('vlevel_' + code).value, reason: field('reason_' + code).value,
      comment: field('comment_' + code).value, revision: Number(field('rev_' + code).value), sample: readSample(code)
    };
  }
  // The reply sample (D3): every row as typed, in order, so the server's "laporan ke-n" matches the form's row n.
  /**
   * @param {string} code
   * @returns {HTMLTableRowElement[] | null}
   */
  function sampleRows(code) {
    var box = document.querySelector('[data-sample="' + code + '"]');
    return box ? Array.from(box.querySelectorAll('tbody tr')) : null;
  }
  /**
   * @param {HTMLTableRowElement} tr
   * @returns {{ id: HTMLInputElement, boxes: HTMLInputElement[] }}
   */
  function sampleInputs(tr) {
    return {
      id: /** @type {HTMLInputElement} */ (tr.querySelector('input[type=text]')),
      boxes: Array.from(/** @type {NodeListOf<HTMLInputElement>} */ (tr.querySelectorAll('input[type=checkbox]')))
    };
  }
  /** @param {HTMLInputElement} c the checklist item's code ends the box's name (sample_D3_1_<code>) */
  function itemOf(c) { return c.name.split('_').pop() || ''; }
  /**
   * @param {string} code
   * @returns {SampleRow[] | null}
   */
  function readSample(code) {
    var rows = sampleRows(code);
    if (!rows) return null;
    return rows.map(function (tr) {
      var f = sampleInputs(tr);
      return { trackingId: f.id.value, checks: f.boxes.filter(function (c) { return c.checked; }).map(itemOf) };
    });
  }
  /**
   * @param {string} code
   * @param {SampleRow[] | null | undefined} sample
   */
  function writeSample(code, sample) {
    var rows = sampleRows(code);
    if (!rows || !sample) return;
    var given = sample;
    rows.forEach(function (tr, i) {
      var rep = given[i] || { trackingId: '', checks: [] };
      var f = sampleInputs(tr);
      f.id.value = rep.trackingId;
      f.boxes.forEach(function (c) { c.checked = rep.checks.indexOf(itemOf(c)) !== -1; });
    });
  }
  /** @param {VerifierChange} job */
  function write(job) {
    if (job.code === 'umum') { field('comment_umum').value = job.comment; return; }
    /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input[name="decision_' + job.code + '"]')).forEach(function (r) { r.checked = r.value === job.decision; });
    field('vlevel_' + job.code).value = job.level || '';
    field('reason_' + job.code).value = job.reason || '';
    field('comment_' + job.code).value = job.comment;
    writeSample(job.code, job.sample);
  }
  /**
   * @param {VerifierChange} a
   * @param {VerifierChange} b
   */
  function same(a, b) {
    return a.comment === b.comment && (a.code === 'umum' || (a.decision === b.decision && a.level === b.level && a.reason === b.reason
      && JSON.stringify(a.sample || null) === JSON.stringify(b.sample || null)));
  }
  /**
   * A changed level needs its level and reason before the decision can be stored.
   * @param {VerifierChange} job
   */
  function incomplete(job) { return job.decision === 'ubah' && (job.level === '' || (job.reason || '').trim() === ''); }

  /**
   * @param {string} code
   * @param {keyof typeof STATES} state
   * @param {string} [extra]
   */
  function mark(code, state, extra) {
    var el = box(code);
    if (!el) return;
    var s = /** @type {HTMLElement | null} */ (el.querySelector('.st'));
    if (!s) {
      s = document.createElement('p');
      s.className = 'st';
      var heading = el.querySelector('h2, h3');
      if (heading) heading.after(s);
    }
    s.dataset.state = state;
    s.textContent = STATES[state] + (extra ? ' ' + extra : '');
  }
  function summary() {
    var n = queue.size;
    live.textContent = n === 0 ? (lastSaved ? 'Semua keputusan dan catatan tersimpan · pukul ' + lastSaved : '')
      : inflight.size > 0 ? 'Menyimpan ' + n + ' perubahan…'
      : n + ' perubahan belum tersimpan' + (kept ? ' (tetap disimpan di peramban ini)' : '');
  }
  function showExpired() {
    expired = true;
    banner.textContent = '';
    var strong = document.createElement('strong');
    strong.textContent = 'Sesi Anda berakhir, masuk lagi. ';
    // The page itself: the server sends a signed-out person to the login and back here, where the changes are sent.
    var link = document.createElement('a');
    link.href = ds.page || '';
    link.textContent = 'Masuk lagi';
    banner.append(strong, 'Keputusan dan catatan yang belum tersimpan disimpan di peramban ini dan dikirim setelah Anda masuk kembali. ', link);
    banner.hidden = false;
    queue.forEach(function (job) { mark(job.code, 'expired'); });
    banner.scrollIntoView({ block: 'nearest' });
  }

  /**
   * A change to an indicator (or the general comment): keep it at once, send it now or after a pause in typing.
   * @param {string} code
   * @param {boolean} now
   */
  function changed(code, now) {
    var job = read(code);
    queue.set(code, job);
    store(code);
    mark(code, expired ? 'expired' : incomplete(job) ? 'incomplete' : 'dirty');
    summary();
    clearTimeout(timers[code]);
    if (!expired && !incomplete(job)) timers[code] = setTimeout(function () { send(code); }, now ? 0 : 800);
  }

  /**
   * @param {string} code
   * @returns {Promise<void>}
   */
  function send(code) {
    var sending = inflight.get(code);
    if (sending) return sending;
    var p = transmit(code).then(function (sent) {
      inflight.delete(code);
      summary();
      var next = queue.get(code);
      if (sent && next && next !== sent && !expired && !incomplete(next)) return send(code);
    });
    inflight.set(code, p);
    return p;
  }

  /** @param {VerifierChange} job */
  function body(job) {
    if (job.code === 'umum') return { comment: job.comment };
    var out = { decision: job.decision, level: job.level === '' ? null : Number(job.level), reason: job.reason, comment: job.comment, revision: job.revision };
    return job.sample ? Object.assign(out, { sample: job.sample }) : out;
  }

  /**
   * @param {string} code
   * @returns {Promise<VerifierChange | null>} the change sent, null when there was nothing to send
   */
  function transmit(code) {
    var job = queue.get(code);
    if (!job || expired || incomplete(job)) return Promise.resolve(null);
    return put(code, job);
  }
  /**
   * @param {string} code
   * @param {VerifierChange} job
   * @returns {Promise<VerifierChange>}
   */
  function put(code, job) {
    mark(code, 'saving');
    summary();
    return fetch(ds.api + '/' + code, { method: 'PUT', headers: HEADERS, credentials: 'same-origin', body: JSON.stringify(body(job)) })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(/** @param {VerificationReply} data */ function (data) {
          if (res.ok) saved(job, data); else refused(job, res.status, data);
          return job;
        });
      }, function () {
        mark(code, 'offline');
        return job;
      });
  }

  /**
   * @param {VerifierChange} job
   * @param {VerificationReply} data
   */
  function saved(job, data) {
    var r = data.review;
    var c = data.counts;
    if (!r || !c) return;
    lastSaved = r.savedTime;
    if (queue.get(job.code) === job) { queue.delete(job.code); store(job.code); mark(job.code, 'saved', 'pukul ' + r.savedTime); }
    if (r.state === 'diperiksa' || r.state === 'belum') {
      var el = box(job.code);
      var warn = el && el.querySelector('.changed');
      if (warn) warn.remove();
    }
    var share = r.sample ? document.querySelector('[data-sample="' + job.code + '"] [data-sample-share]') : null;
    if (share && r.sample) share.textContent = r.sample.text;
    var decided = document.getElementById('decided');
    if (decided) decided.textContent = c.decided + ' dari ' + c.total + ' indikator';
    var bulk = /** @type {HTMLElement | null} */ (form.querySelector('.bulk'));
    var bulkButton = bulk && bulk.querySelector('button');
    if (bulk && bulkButton) {
      bulk.hidden = c.bulk === 0;
      bulkButton.textContent = 'Terima semua yang belum diperiksa (' + c.bulk + ')';
    }
  }

  /**
   * @param {VerifierChange} job
   * @param {number} status
   * @param {VerificationReply} data
   */
  function refused(job, status, data) {
    var err = data.error || {};
    if (status === 401 || err.code === 'csrf-invalid') { showExpired(); return; }
    if (status >= 500) { mark(job.code, 'error', '– akan dicoba lagi.'); return; }
    // Refused for good (the answer changed, the assessment left verification): the typed values stay in the form.
    if (queue.get(job.code) === job) { queue.delete(job.code); store(job.code); }
    var fields = err.fields || {};
    mark(job.code, 'error', '– ' + (fields[Object.keys(fields)[0]] || err.message || 'Perubahan tidak dapat disimpan.'));
  }

  function flush() {
    var codes = Array.from(queue.keys()).filter(function (code) { var job = queue.get(code); return !!job && !incomplete(job); });
    return Promise.all(codes.map(send));
  }

  form.addEventListener('change', function (e) {
    var code = codeOf(/** @type {VerificationField} */ (e.target));
    if (code) changed(code, true);
  });
  form.addEventListener('input', function (e) {
    var t = /** @type {VerificationField} */ (e.target);
    var code = codeOf(t);
    if (code && t.tagName === 'TEXTAREA') changed(code, false);
  });
  // Saving is automatic; the buttons that finish, return or accept first send what is pending, then post the form.
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var button = e.submitter && e.submitter.hasAttribute('formaction') ? /** @type {HTMLButtonElement} */ (e.submitter) : null;
    flush().then(function () {
      if (expired) { showExpired(); return; }
      if (!button) {
        var open = Array.from(queue.values()).filter(incomplete).map(function (j) { return j.code; });
        live.textContent = open.length > 0 ? 'Belum tersimpan: ' + open.join(', ') + ' – pilih tingkat hasil verifikasi dan tulis alasannya.'
          : queue.size === 0 ? 'Semua keputusan dan catatan tersimpan' + (lastSaved ? ' · pukul ' + lastSaved : '') + '.' : live.textContent;
        return;
      }
      form.action = button.formAction;
      HTMLFormElement.prototype.submit.call(form);
    });
  });
  window.addEventListener('beforeunload', function (e) {
    if (kept || queue.size === 0) return;
    e.preventDefault();
    e.returnValue = '';
  });
  window.addEventListener('online', flush);
  setInterval(function () { if (queue.size > 0 && inflight.size === 0 && !expired) flush(); }, 10000);

  // A sampled indicator (D3) is worked by typing a tracking ID, then ticking boxes: its status line is there (empty)
  // from the start, so the line appearing with the first save does not move the boxes from under the pointer.
  /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll('[data-sample]')).forEach(function (el) { mark(el.dataset.sample || '', 'idle'); });

  // Changes this person left in this browser (an expired session, no connection, a closed tab) come back and are sent.
  /** @type {(VerifierChange | null)[]} */
  var restored = [];
  try {
    for (var i = 0; i < localStorage.length; i++) {
      var k = localStorage.key(i);
      if (k && k.indexOf(KEY) === 0) restored.push(JSON.parse(localStorage.getItem(k) || 'null'));
    }
  } catch (e) { /* unreadable storage: nothing to restore */ }
  restored.forEach(function (job) {
    if (!job || !job.code || !box(job.code)) return;
    if (same(job, read(job.code))) { try { localStorage.removeItem(KEY + job.code); } catch (e) { /* ignore */ } return; }
    write(job);
    queue.set(job.code, job);
    mark(job.code, incomplete(job) ? 'incomplete' : 'dirty');
  });
  summary();
  flush();
})();
