// @ts-check
// Renaksi pages, progressive enhancement only: every form works without this file.
// 1) asks before destructive actions (elements with data-confirm);
// 2) checks yearly targets while typing (whole numbers of units, 0…the units the indicator applies to, never
//    decreasing), naming the year like the server does.
(function () {
  'use strict';

  document.addEventListener('submit', function (event) {
    var form = /** @type {HTMLFormElement | null} */ (event.target);
    var button = event.submitter;
    var message = (button && button.getAttribute('data-confirm')) || (form && form.getAttribute && form.getAttribute('data-confirm'));
    if (message && !window.confirm(message)) event.preventDefault();
  });

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

  document.querySelectorAll('fieldset.targets').forEach(function (fieldset) {
    fieldset.addEventListener('input', function () { checkTargets(fieldset); });
  });
})();
