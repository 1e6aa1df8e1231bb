// @ts-check
// The FGD deck: one slide at a time, keyboard and clicker navigation (clickers send PageUp/PageDown or arrows),
// on-screen buttons, full screen, and, on the live deck, polling the JSON endpoint and redrawing the slides
// without a reload when the numbers change. Without JavaScript the slides simply stack and still print one per page.
(function () {
  'use strict';
  var found = document.querySelector('[data-deck]');
  var foundMain = found && found.parentElement;
  var foundPrev = /** @type {HTMLButtonElement | null} */ (document.querySelector('[data-prev]'));
  var foundNext = /** @type {HTMLButtonElement | null} */ (document.querySelector('[data-next]'));
  var foundCounter = /** @type {HTMLElement | null} */ (document.querySelector('[data-counter]'));
  var foundFull = /** @type {HTMLButtonElement | null} */ (document.querySelector('[data-fullscreen]'));
  var foundStatus = document.querySelector('[data-live-status]');
  if (!found || !foundMain || !foundPrev || !foundNext || !foundCounter || !foundFull || !foundStatus) return;
  var deck = found;
  var main = foundMain;
  var prev = foundPrev;
  var next = foundNext;
  var counter = foundCounter;
  var full = foundFull;
  var status = foundStatus;
  var current = 0;

  function slides() { return deck.querySelectorAll('[data-slide]'); }

  function fromHash() {
    var m = /^#slide-(\d+)$/.exec(location.hash);
    return m ? Number(m[1]) - 1 : 0;
  }

  /** @param {number} i the slide's index, kept within the deck */
  function show(i) {
    var all = slides();
    current = Math.max(0, Math.min(all.length - 1, i));
    Array.prototype.forEach.call(all, /** @param {Element} s @param {number} j */ function (s, j) {
      s.classList.toggle('current', j === current);
      if (j === current) s.removeAttribute('aria-hidden');
      else s.setAttribute('aria-hidden', 'true');
    });
    counter.textContent = (current + 1) + ' / ' + all.length;
    prev.disabled = current === 0;
    next.disabled = current === all.length - 1;
    if (history.replaceState) history.replaceState(null, '', location.pathname + location.search + '#slide-' + (current + 1));
  }

  function drawCharts() {
    if (window.SP4NCharts) window.SP4NCharts.drawAll(deck);
  }

  /** @type {Record<string, number>} */
  var FORWARD = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ' ': 1, Spacebar: 1 };
  /** @type {Record<string, number>} */
  var BACK = { ArrowLeft: 1, ArrowUp: 1, PageUp: 1 };
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var t = /** @type {Element | null} */ (e.target);
    var tag = (t && t.tagName) || '';
    // Space and Enter keep their meaning on a focused button, link or field (no double step).
    if ((e.key === ' ' || e.key === 'Spacebar') && /^(BUTTON|A|INPUT|SELECT|TEXTAREA)$/.test(tag)) return;
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(tag)) return;
    var step = 0;
    if (FORWARD[e.key]) step = e.shiftKey && e.key === ' ' ? -1 : 1;
    else if (BACK[e.key]) step = -1;
    else if (e.key === 'Home') { e.preventDefault(); show(0); return; }
    else if (e.key === 'End') { e.preventDefault(); show(slides().length - 1); return; }
    if (step !== 0) { e.preventDefault(); show(current + step); }
  });
  prev.addEventListener('click', function () { show(current - 1); });
  next.addEventListener('click', function () { show(current + 1); });
  [prev, next, counter].forEach(function (el) { el.hidden = false; });

  if (document.fullscreenEnabled) {
    full.hidden = false;
    full.addEventListener('click', function () {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen();
    });
    document.addEventListener('fullscreenchange', function () {
      full.textContent = document.fullscreenElement ? 'Keluar layar penuh' : 'Layar penuh';
    });
  }

  // A slide address typed or linked (#slide-4) moves the deck there.
  window.addEventListener('hashchange', function () { show(fromHash()); });
  document.body.classList.add('js-deck');
  // Chart text as large as the slide's type, for the back of the hall.
  var first = deck.querySelector('[data-slide]');
  if (window.Chart && first) {
    window.Chart.defaults.font.size = Math.max(14, Math.round(parseFloat(getComputedStyle(first).fontSize) * 0.9));
    window.Chart.defaults.color = '#1a1a1a';
  }
  drawCharts();
  show(fromHash());

  // Live: poll the numbers; when their fingerprint changes, fetch the re-rendered slides and swap them in place.
  var pollUrl = deck.getAttribute('data-poll-url') || '';
  if (!pollUrl) return;
  var pollMs = Number(deck.getAttribute('data-poll-seconds') || 5) * 1000;
  var busy = false;

  /** @param {string} html the deck page as the server renders it now */
  function redraw(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var fresh = doc.querySelector('[data-deck]');
    if (!fresh) return;
    var keep = current;
    var swapped = document.importNode(fresh, true);
    main.replaceChild(swapped, deck);
    deck = swapped;
    drawCharts();
    show(keep);
  }

  function poll() {
    if (busy) return;
    busy = true;
    fetch(pollUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(/** @param {{ computedAtText: string, fingerprint: string }} data */ function (data) {
        status.classList.remove('stale');
        status.textContent = 'Langsung · dihitung ' + data.computedAtText + ' WITA · diperbarui otomatis';
        if (data.fingerprint === deck.getAttribute('data-fingerprint')) return null;
        return fetch(deck.getAttribute('data-deck-url') || '', { credentials: 'same-origin', cache: 'no-store' })
          .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
          .then(redraw);
      })
      .catch(function () {
        status.classList.add('stale');
        status.textContent = 'Koneksi terputus; angka mungkin belum terbaru. Mencoba lagi…';
      })
      .then(function () { busy = false; });
  }
  setInterval(poll, pollMs);
})();
