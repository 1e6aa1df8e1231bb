// @ts-check
/*
 * The confirmation before submitting the questionnaire (questionnaire.js opens it): unanswered indicators block
 * it, level 1 and above without evidence is listed without blocking; on "Ya" the last changes are saved first.
 * Copied answers not yet confirmed block it too.
 * page: { read(code) → { level, na, note }, pending(code) → a change of it still queued, flush() → Promise<all
 * saved>, leave() before the form is sent }.
 */
/**
 * @param {HTMLFormElement} form
 * @param {HTMLButtonElement | HTMLInputElement} button
 * @param {Sp4nSubmitPage} page
 */
window.sp4nConfirmSubmit = function (form, button, page) {
  'use strict';
  /** @type {Element[]} */
  var missing = [];
  /** @type {Element[]} */
  var bare = [];
  /** @type {Element[]} */
  var copies = [];
  form.querySelectorAll('fieldset.indicator').forEach(function (fs) {
    var v = page.read(fs.id.slice(4));
    if (v.level === null && !v.na) missing.push(fs); else if (v.level !== null && v.level >= 1 && !fs.querySelector('.evidence li')) bare.push(fs);
    if (fs.querySelector('.copied') && !page.pending(fs.id.slice(4))) copies.push(fs);
  });
  var dlg = document.createElement('dialog');
  dlg.className = 'confirm';
  dlg.setAttribute('aria-labelledby', 'dlg-title');
  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {string} text
   * @param {string} [cls]
   * @param {Element} [parent] the dialog's body when left out
   * @returns {HTMLElementTagNameMap[K]}
   */
  function add(tag, text, cls, parent) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    (parent || body).append(el);
    return el;
  }
  var blocked = missing.length > 0 || copies.length > 0;
  add('h2', blocked ? 'Belum dapat diajukan' : 'Ajukan penilaian mandiri?', '', dlg).id = 'dlg-title';
  var body = add('div', '', 'body', dlg);
  // Compact chips (the code, the full title as the accessible name): 28 of them still fit a phone screen.
  /** @param {Element[]} items */
  function list(items) {
    var ul = add('ul', '');
    items.forEach(function (fs) {
      var a = add('a', fs.id.slice(4), '', add('li', '', '', ul));
      a.href = '#' + fs.id;
      var legend = fs.querySelector('legend');
      if (legend) a.setAttribute('aria-label', legend.textContent || '');
      a.addEventListener('click', function () { dlg.close(); });
    });
  }
  if (missing.length > 0) {
    add('p', 'Masih ada ' + missing.length + ' indikator yang belum dijawab:');
    list(missing);
  }
  if (copies.length > 0) {
    add('p', 'Masih ada ' + copies.length + ' jawaban salinan dari periode sebelumnya yang belum dikonfirmasi. Ubah yang tidak sesuai lagi, lalu tekan "Saya sudah memeriksa jawaban salinan":');
    list(copies);
  }
  if (!blocked) {
    if (bare.length > 0) {
      add('p', 'Tingkat 1 ke atas tanpa bukti dukung (' + bare.length + '). Penilaian tetap dapat diajukan; verifikator akan memeriksa bukti dukungnya.', 'warn');
      list(bare);
    }
    add('p', 'Setelah diajukan, jawaban terkunci sampai verifikator mengembalikannya.');
  }
  var msg = add('p', '', 'evst bad', dlg);
  var row = add('p', '', 'actions', dlg);
  if (!blocked) {
    var ok = add('button', 'Ya, ajukan sekarang', 'submit', row);
    ok.type = 'button';
    ok.addEventListener('click', function () {
      ok.disabled = true;
      msg.textContent = 'Menyimpan perubahan terakhir…';
      page.flush().then(function (clean) {
        if (!clean) {
          ok.disabled = false;
          msg.textContent = 'Masih ada perubahan yang belum tersimpan (tidak ada koneksi, bentrok, atau ditolak server). Ajukan setelah semuanya tersimpan.';
          return;
        }
        page.leave();
        form.action = button.formAction;
        HTMLFormElement.prototype.submit.call(form);
      });
    });
  }
  var cancel = add('button', blocked ? 'Kembali mengisi' : 'Batal', '', row);
  cancel.type = 'button';
  cancel.addEventListener('click', function () { dlg.close(); });
  dlg.addEventListener('close', function () { dlg.remove(); });
  document.body.append(dlg);
  dlg.showModal();
};
