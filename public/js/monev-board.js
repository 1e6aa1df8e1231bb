// The monev board's "Salin teks" buttons: copy a reminder's text. Without JavaScript the text stays selectable in
// its read-only box, so the buttons are shown only here.
(function () {
  /** @param {HTMLTextAreaElement} box */
  function copy(box) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(box.value);
    box.select();
    // NOTE: the fallback for plain http (an intranet address), where the Clipboard API is not available.
    return document.execCommand('copy') ? Promise.resolve() : Promise.reject(new Error('copy'));
  }
  /** @type {NodeListOf<HTMLButtonElement>} */
  const buttons = document.querySelectorAll('button.copy[data-copy]');
  buttons.forEach(function (button) {
    const box = document.getElementById(button.getAttribute('data-copy') || '');
    if (!(box instanceof HTMLTextAreaElement)) return;
    const status = button.nextElementSibling;
    button.hidden = false;
    button.addEventListener('click', function () {
      copy(box).then(
        function () { if (status) status.textContent = 'Teks disalin.'; },
        function () { box.select(); if (status) status.textContent = 'Tekan Ctrl+C (atau salin) untuk menyalin teks yang dipilih.'; },
      );
    });
  });
})();
