// @ts-check
// Renaksi pages, progressive enhancement only: every form works without this file.
// 1) asks before destructive actions (elements with data-confirm);
// 2) checks yearly targets while typing (whole numbers of units, 0…the units the indicator applies to, never
//    decreasing), naming the year like the server does;
// 3) edits a row of the plan page in place: "Ubah" fetches the row's editor into the row, "Simpan" sends it with
//    fetch and puts the saved row back, so the page, its aspect or filter and its scroll position stay. A refused
//    save (422, a version conflict, an expired session, no connection) keeps every typed character in the form.
(function () {
  'use strict';

  document.addEventListener('submit', function (event) {
    var form = /** @type {HTMLFormElement | null} */ (event.target);
    var button = event.submitter;
    var message = (button && button.getAttribute('data-confirm')) || (form && form.getAttribute && form.getAttribute('data-confirm'));
    if (message && !window.confirm(message)) event.preventDefault();
  }, true);

  /** @param {Element} fieldset */
  function checkTargets(fieldset) {
    var max = Number(fieldset.getAttribute('data-target-max') || '0');
    var inputs = /** @type {NodeListOf<HTMLInputElement>} */ (fieldset.querySelectorAll('input[data-year]'));
    var out = /** @type {HTMLElement | null} */ (fieldset.querySelector('.target-live'));
    /** @type {{ year: string | null, value: number } | null} */
    var previous = null;
    /** @type {string[]} */
    var problems = [];
    inputs.forEach(function (input) {
      var year = input.getAttribute('data-year');
      var text = input.value.trim();
      var bad = '';
      if (text !== '') {
        var value = Number(text);
        if (!Number.isInteger(value)) bad = 'Target ' + year + ' harus berupa bilangan bulat 0–' + max + ' (jumlah unit).';
        else if (value < 0) bad = 'Target ' + year + ' tidak boleh kurang dari 0.';
        else if (value > max) bad = 'Target ' + year + ' (' + value + ') melebihi jumlah unit yang dinilai pada indikator ini (' + max + ').';
        else if (previous && value < previous.value) bad = 'Target ' + year + ' (' + value + ') lebih kecil dari target ' + previous.year + ' (' + previous.value + '); jumlah unit yang mencapai target tidak boleh turun.';
        if (!bad) previous = { year: year, value: value };
      }
      input.setAttribute('aria-invalid', bad ? 'true' : 'false');
      if (bad) problems.push(bad);
    });
    if (out) {
      out.textContent = problems.join(' ');
      out.hidden = problems.length === 0;
    }
  }

  document.addEventListener('input', function (event) {
    var target = /** @type {Element} */ (event.target);
    var fieldset = target.closest('fieldset.targets');
    if (fieldset) checkTargets(fieldset);
  });

  // ---- in-place editing on the plan page ----

  /** @param {string} text */
  function say(text) {
    var status = document.getElementById('row-status');
    if (!status) return;
    status.textContent = text;
    status.hidden = text === '';
  }

  /**
   * The first element of an HTML fragment the server rendered.
   * @param {string} html
   * @returns {HTMLElement}
   */
  function fragment(html) {
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    return /** @type {HTMLElement} */ (template.content.firstElementChild);
  }

  /**
   * The row's display columns.
   * @param {Element} article
   * @returns {HTMLElement}
   */
  function columns(article) {
    return /** @type {HTMLElement} */ (article.querySelector('dl.plan-cols'));
  }

  /** @param {HTMLAnchorElement} link */
  function openEditor(link) {
    var article = link.closest('article.plan-row');
    if (!article || article.querySelector('[data-row-editor]')) return;
    var row = article;
    var href = link.getAttribute('href') || '';
    link.setAttribute('aria-busy', 'true');
    var url = href + (href.indexOf('?') < 0 ? '?' : '&') + 'bagian=form';
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.text();
      })
      .then(function (html) {
        var editor = fragment(html);
        columns(row).hidden = true;
        row.appendChild(editor);
        var first = /** @type {HTMLElement | null} */ (editor.querySelector('textarea, input:not([type=hidden])'));
        if (first) first.focus();
      })
      .catch(function () { window.location.href = href; })
      .finally(function () { link.removeAttribute('aria-busy'); });
  }

  /** @param {Element} article */
  function closeEditor(article) {
    var editor = article.querySelector('[data-row-editor]');
    if (editor) editor.remove();
    columns(article).hidden = false;
  }

  /** @param {HTMLFormElement} form */
  function clearErrors(form) {
    form.querySelectorAll('.field-error.inplace').forEach(function (p) { p.remove(); });
    form.querySelectorAll('[aria-invalid="true"]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    var box = form.parentElement && form.parentElement.querySelector('.conflict.inplace');
    if (box) box.remove();
  }

  /**
   * @param {HTMLFormElement} form
   * @param {string} text
   */
  function showStatus(form, text) {
    var status = /** @type {HTMLElement} */ (form.querySelector('.form-status'));
    status.textContent = text;
    status.hidden = false;
    status.scrollIntoView({ block: 'nearest' });
  }

  /**
   * @param {HTMLFormElement} form
   * @param {Record<string, string> | undefined} fields
   */
  function showFieldErrors(form, fields) {
    var messages = fields || {};
    Object.keys(messages).forEach(function (name) {
      var input = form.querySelector('[name="' + name + '"]');
      if (!input) return;
      var p = document.createElement('p');
      p.className = 'field-error inplace';
      p.id = (input.id || name) + '-err';
      p.textContent = messages[name] || '';
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', p.id);
      input.insertAdjacentElement('afterend', p);
    });
  }

  /**
   * @typedef {{ label: string, mine: string, stored: string }} ConflictField
   * @typedef {{ message?: string, html?: string, version?: number, conflict?: ConflictField[], error?: { message?: string, fields?: Record<string, string> } }} SaveAnswer
   */

  /**
   * @param {HTMLFormElement} form
   * @param {SaveAnswer} body
   */
  function showConflict(form, body) {
    var version = /** @type {HTMLInputElement} */ (form.querySelector('input[name="version"]'));
    version.value = String(body.version);
    var box = document.createElement('section');
    box.className = 'card conflict inplace';
    var h = document.createElement('h3');
    h.textContent = 'Baris ini sudah diubah orang lain';
    var p = document.createElement('p');
    p.textContent = 'Isian Anda belum disimpan dan tetap di formulir. Bandingkan dengan nilai tersimpan, lalu tekan Simpan lagi untuk menggantinya dengan isian Anda.';
    box.appendChild(h);
    box.appendChild(p);
    var table = document.createElement('table');
    table.innerHTML = '<thead><tr><th scope="col">Kolom</th><th scope="col">Isian Anda</th><th scope="col">Tersimpan sekarang</th></tr></thead><tbody></tbody>';
    var tbody = table.tBodies[0];
    (body.conflict || []).forEach(function (c) {
      var tr = document.createElement('tr');
      [c.label, c.mine || '(kosong)', c.stored || '(kosong)'].forEach(function (text, i) {
        var cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.setAttribute('scope', 'row'); else cell.className = 'pre';
        cell.textContent = text;
        tr.appendChild(cell);
      });
      if (tbody) tbody.appendChild(tr);
    });
    box.appendChild(table);
    form.insertAdjacentElement('beforebegin', box);
  }

  /** @param {HTMLFormElement} form */
  function save(form) {
    var article = form.closest('article.plan-row');
    var button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) { if (typeof value === 'string') data.append(name, value); });
    clearErrors(form);
    button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: data.toString(),
    })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (/** @type {SaveAnswer} */ body) { return { status: res.status, body: body }; });
      })
      .then(function (r) {
        if (r.status === 200 && r.body.html && article) {
          var fresh = fragment(r.body.html);
          article.replaceWith(fresh);
          say(r.body.message || '');
          var link = /** @type {HTMLElement | null} */ (fresh.querySelector('[data-edit-row]'));
          if (link) link.focus();
          return;
        }
        var message = (r.body.error && r.body.error.message) || 'Baris belum tersimpan. Isian Anda tetap di formulir.';
        if (r.status === 409 && r.body.conflict) showConflict(form, r.body);
        if (r.status === 422) showFieldErrors(form, r.body.error && r.body.error.fields);
        if (r.status === 401 || r.status === 403) message += ' Isian Anda tetap di formulir; masuk lagi di tab lain lalu tekan Simpan.';
        showStatus(form, message);
      })
      .catch(function () {
        showStatus(form, 'Baris belum tersimpan: server tidak dapat dihubungi. Isian Anda tetap di formulir; tekan Simpan lagi setelah koneksi kembali.');
      })
      .finally(function () { button.disabled = false; });
  }

  document.addEventListener('click', function (event) {
    var target = /** @type {Element} */ (event.target);
    var link = /** @type {HTMLAnchorElement | null} */ (target.closest('a[data-edit-row], a[data-cancel-edit]'));
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var article = link.closest('article.plan-row');
    if (!article) return;
    event.preventDefault();
    if (link.hasAttribute('data-edit-row')) openEditor(link);
    else closeEditor(article);
  });

  document.addEventListener('submit', function (event) {
    var form = /** @type {HTMLFormElement} */ (event.target);
    if (event.defaultPrevented || !form.hasAttribute('data-inplace')) return;
    event.preventDefault();
    save(form);
  });
})();
