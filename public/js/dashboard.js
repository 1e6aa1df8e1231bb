// Draws the aspect bar chart from the escaped JSON in the canvas's data-chart attribute (no inline script).
(function () {
  'use strict';
  var canvas = document.getElementById('aspect-chart');
  if (!canvas || typeof Chart === 'undefined') return;
  var data = JSON.parse(canvas.getAttribute('data-chart'));
  // Colour-blind-safe palette that stays distinct in grey print (dark, mid, light) plus patterns via borders.
  var colours = ['#0b4f8a', '#e08214', '#9ecae1'];
  var fmt = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.datasets.map(function (d, i) {
        return { label: d.label, data: d.data, backgroundColor: colours[i % colours.length], borderColor: '#1a1a1a', borderWidth: 1 };
      })
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'id-ID',
      scales: { y: { min: 0, max: 100, title: { display: true, text: 'Skor (0–100)' } } },
      plugins: {
        tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + (c.raw === null ? '–' : fmt.format(c.raw)); } } }
      }
    }
  });
})();
