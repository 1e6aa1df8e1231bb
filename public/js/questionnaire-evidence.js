// @ts-check
/*
 * Evidence files in place on the questionnaire (questionnaire.js wires them to the form): an upload checked for
 * size first and answered with its list item, and a deletion after a confirmation. The form does both without it.
 */
/**
 * @param {HTMLFormElement} form
 * @param {Sp4nEvidencePage} page
 * @returns {Sp4nEvidence}
 */
window.sp4nEvidence = function (form, page) {
  'use strict';
  var ds = form.dataset;
  var csrf = page.csrf;
  var note = page.note;
  var action = form.getAttribute('action') || '';

  /**
   * @param {string} code
   * @param {HTMLInputElement} input
   */
  function upload(code, input) {
    var files = input.files;
    if (!files || !files[0]) return;
    var file = files[0];
    if (file.size > Number(ds.max)) {
      note(code, 'Berkas "' + file.name + '" melebihi batas ukuran; pilih berkas yang lebih kecil.', true);
      input.value = '';
      return;
    }
    var body = new FormData();
    body.append('_csrf', csrf);
    body.append('file_' + code, file);
    note(code, 'Mengunggah "' + file.name + '"…');
    fetch(action, { method: 'POST', headers: { Accept: 'application/json', 'X-CSRF-Token': csrf }, body: body, credentials: 'same-origin' })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(/** @param {Sp4nReply} data */ function (data) {
          if (!res.ok) { note(code, (data.error && data.error.message) || 'Berkas gagal diunggah.', true); return; }
          page.addItems(data.evidence);
          input.value = '';
          note(code, 'Berkas "' + file.name + '" diunggah.');
        });
      }, function () { note(code, 'Tidak ada koneksi: berkas belum diunggah. Pilih lagi setelah tersambung.', true); });
  }

  /**
   * @param {string} code
   * @param {HTMLInputElement} tick
   */
  function remove(code, tick) {
    if (!tick.checked) return;
    if (!window.confirm('Hapus bukti dukung ini?')) { tick.checked = false; return; }
    fetch(action + '/evidence/' + tick.value + '/delete', { method: 'POST', headers: page.headers, credentials: 'same-origin' })
      .then(function (res) {
        if (res.ok) {
          var item = tick.closest('li');
          if (item) item.remove();
          page.warn(code);
          note(code, 'Bukti dukung dihapus.');
          return;
        }
        tick.checked = false;
        return res.json().catch(function () { return {}; }).then(/** @param {Sp4nReply} d */ function (d) { note(code, (d.error && d.error.message) || 'Bukti dukung gagal dihapus.', true); });
      }, function () { tick.checked = false; note(code, 'Tidak ada koneksi: bukti dukung belum dihapus.', true); });
  }

  return { upload: upload, remove: remove };
};
