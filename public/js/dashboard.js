// @ts-check
// Draws every <canvas data-chart="…"> from the escaped JSON view-model the server put in the attribute
// (src/dashboard/chart-data.ts); no inline script. Exposes SP4NCharts.drawAll for the presentation deck.
/** @typedef {import('../../src/dashboard/chart-model').ChartModel} ChartModel the server's view-model of one chart */
/** @typedef {import('chart.js').Chart & { $sp4n?: ChartModel }} Sp4nChart a chart with the view-model it was drawn from */
/**
 * A chart.js configuration of one type, with the options draw() completes; a missing value is null.
 * @template {import('chart.js').ChartType} T
 * @typedef {import('chart.js').ChartConfiguration<T, (number | null)[]> & { options: import('chart.js').ChartOptions<T> }} Sp4nChartConfig
 */
/** @typedef {import('chart.js').Element & { base: number, width: number }} BarShape a drawn bar (chart.js BarProps) */
/** @typedef {import('chart.js').Element & { innerRadius: number }} ArcShape a drawn gauge ring (chart.js ArcProps) */
(function () {
  'use strict';
  // The rapor's print button needs JavaScript, so it stays hidden without it (the browser's own print works too).
  Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), /** @param {HTMLElement} button */ function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
  if (typeof Chart === 'undefined') return;

  // Viridis steps: monotonic in lightness (readable in grey print) and safe for colour-blind viewers.
  var TONES = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
  var TONE_INK = ['#ffffff', '#ffffff', '#000000', '#000000', '#000000'];
  /** @type {Record<string, string>} */
  var SERIES = { kabupaten: '#0b4f8a', unit: '#0b4f8a', pd: '#e08214', kecamatan: '#9ecae1', empty: '#e6e6e6', target: '#bababa', achieved: '#0b4f8a' };
  /** @type {Sp4nChart[]} */
  var charts = [];

  /**
   * A small tiled pattern so series and N/A differ by texture too, not only by colour (the plain colour where the
   * browser draws no canvas).
   * @param {string} base
   * @param {'hatch' | 'dots'} kind
   * @returns {string | CanvasPattern}
   */
  function pattern(base, kind) {
    var c = document.createElement('canvas');
    c.width = 10;
    c.height = 10;
    var g = c.getContext('2d');
    if (!g) return base;
    g.fillStyle = base;
    g.fillRect(0, 0, 10, 10);
    g.strokeStyle = 'rgba(0,0,0,0.55)';
    g.fillStyle = 'rgba(0,0,0,0.55)';
    g.lineWidth = 1.5;
    if (kind === 'hatch') {
      g.beginPath();
      g.moveTo(0, 10); g.lineTo(10, 0);
      g.moveTo(-5, 5); g.lineTo(5, -5);
      g.moveTo(5, 15); g.lineTo(15, 5);
      g.stroke();
    } else {
      g.beginPath();
      g.arc(5, 5, 1.6, 0, Math.PI * 2);
      g.fill();
    }
    return g.createPattern(c, 'repeat') || base;
  }

  /**
   * @param {string} key a colour key of the view-model ('tone-2', 'level-na', 'pd', …)
   * @returns {string | CanvasPattern}
   */
  function fill(key) {
    if (key.indexOf('tone-') === 0) return TONES[Number(key.slice(5))] || TONES[0];
    if (key === 'level-na') return pattern('#d9d9d9', 'hatch');
    if (key.indexOf('level-') === 0) return TONES[Number(key.slice(6))] || TONES[0];
    if (key === 'pd') return pattern(SERIES.pd, 'hatch');
    if (key === 'kecamatan') return pattern(SERIES.kecamatan, 'dots');
    if (key === 'target') return pattern(SERIES.target, 'hatch');
    return SERIES[key] || '#777777';
  }

  /** @param {string} key */
  function ink(key) {
    if (key.indexOf('tone-') === 0) return TONE_INK[Number(key.slice(5))] || '#000000';
    if (key.indexOf('level-') === 0 && key !== 'level-na') return TONE_INK[Number(key.slice(6))] || '#000000';
    return '#000000';
  }

  /**
   * @param {string} label
   * @param {number} max
   */
  function shorten(label, max) {
    return label.length > max ? label.slice(0, max - 1) + '…' : label;
  }

  /**
   * Splits a long label into lines of about `width` characters (chart.js draws an array as several lines).
   * @param {string} label
   * @param {number} width
   */
  function wrap(label, width) {
    /** @type {string[]} */
    var lines = [];
    label.split(' ').forEach(function (word) {
      var last = lines[lines.length - 1];
      if (last !== undefined && (last + ' ' + word).length <= width) lines[lines.length - 1] = last + ' ' + word;
      else lines.push(word);
    });
    return lines;
  }

  /** Writes each value (id-ID text from the server) on its bar: outside the bar end, or centred in a stacked segment. */
  var valueLabels = {
    id: 'sp4nValueLabels',
    /** @param {Sp4nChart} chart */
    afterDatasetsDraw: function (chart) {
      if (!chart.$sp4n || chart.$sp4n.type !== 'bar') return;
      var model = chart.$sp4n;
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = '600 ' + Math.round((Chart.defaults.font.size || 12) * 0.95) + 'px system-ui, sans-serif';
      chart.data.datasets.forEach(function (ds, di) {
        var meta = chart.getDatasetMeta(di);
        if (meta.hidden) return;
        var series = model.series[di];
        meta.data.forEach(function (drawn, i) {
          var el = /** @type {BarShape} */ (drawn);
          var text = series.text[i];
          if (!text || series.data[i] === null) return;
          var colourKey = Array.isArray(series.colour) ? series.colour[i] : series.colour;
          if (model.stacked) {
            var size = model.horizontal ? Math.abs(el.x - el.base) : Math.abs(el.y - el.base);
            if (size < ctx.measureText(text).width + 6) return;
            ctx.fillStyle = ink(colourKey);
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            ctx.fillText(text, model.horizontal ? (el.x + el.base) / 2 : el.x, model.horizontal ? el.y : (el.y + el.base) / 2);
          } else if (model.horizontal) {
            ctx.fillStyle = '#1a1a1a';
            ctx.textAlign = 'left';
            ctx.textBaseline = 'middle';
            ctx.fillText(text, el.x + 4, el.y);
          } else {
            // Too narrow a bar (phones) for its number: the table below carries it instead of overlapping labels.
            if (el.width / 0.72 < ctx.measureText(text).width + 2) return;
            ctx.fillStyle = '#1a1a1a';
            ctx.textAlign = 'center';
            ctx.textBaseline = 'bottom';
            ctx.fillText(text, el.x, el.y - 3);
          }
        });
      });
      ctx.restore();
    }
  };

  /** The gauge's number inside its ring. */
  var gaugeText = {
    id: 'sp4nGaugeText',
    /** @param {Sp4nChart} chart */
    afterDraw: function (chart) {
      var model = chart.$sp4n;
      if (!model || model.type !== 'gauge') return;
      var arc = /** @type {ArcShape | undefined} */ (chart.getDatasetMeta(0).data[0]);
      if (!arc) return;
      var ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = '#1a1a1a';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'alphabetic';
      ctx.font = '700 ' + Math.max(14, Math.round(arc.innerRadius * 0.42)) + 'px system-ui, sans-serif';
      ctx.fillText(model.series[0].text[0] || '–', arc.x, arc.y - 6);
      ctx.restore();
    }
  };

  /**
   * @param {ChartModel} model
   * @param {boolean} narrow a phone-sized box
   * @returns {Sp4nChartConfig<'bar'>}
   */
  function barConfig(model, narrow) {
    var maxChars = 48;
    var valueAxis = {
      min: 0,
      max: model.max,
      stacked: model.stacked,
      title: { display: true, text: model.axisTitle },
      ticks: model.stacked ? { precision: 0 } : {}
    };
    var categoryAxis = {
      stacked: model.stacked,
      ticks: {
        autoSkip: false,
        maxRotation: 0,
        /**
         * @this {import('chart.js').Scale}
         * @param {number | string} v the category's index
         */
        callback: function (v) {
          var label = this.getLabelForValue(/** @type {number} */ (v));
          if (!model.horizontal) return wrap(narrow ? label.split('.')[0] : label, 18);
          // A y axis may take only a third of the chart: on phones, two short lines instead of one cut line.
          return narrow ? wrap(shorten(label, 28), 14) : shorten(label, maxChars);
        }
      }
    };
    return {
      type: 'bar',
      data: {
        labels: model.labels,
        datasets: model.series.map(function (s) {
          var colours = Array.isArray(s.colour) ? s.colour.map(fill) : fill(s.colour);
          return { label: s.label, data: s.data, backgroundColor: colours, borderColor: '#1a1a1a', borderWidth: 1 };
        })
      },
      options: {
        indexAxis: model.horizontal ? 'y' : 'x',
        // Room for the value written after the longest bar.
        layout: { padding: model.horizontal && !model.stacked ? { right: narrow ? 90 : 120 } : { top: 18 } },
        scales: model.horizontal ? { x: valueAxis, y: categoryAxis } : { y: valueAxis, x: categoryAxis },
        plugins: {
          legend: { display: model.series.length > 1, position: 'top' },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + (model.series[c.datasetIndex].text[c.dataIndex] || '–'); } } }
        }
      }
    };
  }

  /**
   * compact: the rapor's small radar (its table stands beside it), without legend and tick numbers.
   * @param {ChartModel} model
   * @param {boolean} narrow
   * @param {boolean} compact
   * @returns {Sp4nChartConfig<'radar'>}
   */
  function radarConfig(model, narrow, compact) {
    return {
      type: 'radar',
      data: {
        labels: model.labels,
        datasets: model.series.map(function (s) {
          var unit = s.colour === 'unit';
          return {
            label: s.label,
            data: s.data,
            borderColor: unit ? SERIES.unit : SERIES.pd,
            backgroundColor: unit ? 'rgba(11,79,138,0.18)' : 'rgba(0,0,0,0)',
            borderDash: unit ? [] : [8, 5],
            borderWidth: compact ? 2 : 3,
            pointStyle: unit ? 'circle' : 'rectRot',
            pointRadius: compact ? 2.5 : 5,
            pointBackgroundColor: unit ? SERIES.unit : SERIES.pd
          };
        })
      },
      options: {
        scales: { r: { min: 0, max: 100, ticks: { display: !compact, stepSize: 20, backdropColor: 'rgba(255,255,255,0.8)' }, pointLabels: { padding: compact ? 2 : 6, callback: function (l) { return narrow ? l.split('.')[0] : wrap(l, 18); } } } },
        plugins: {
          legend: { position: 'top', display: !compact },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + (model.series[c.datasetIndex].text[c.dataIndex] || '–'); } } }
        }
      }
    };
  }

  /**
   * @param {ChartModel} model
   * @returns {Sp4nChartConfig<'doughnut'>}
   */
  function gaugeConfig(model) {
    var s = model.series[0];
    return {
      type: 'doughnut',
      data: { labels: model.labels, datasets: [{ data: s.data, backgroundColor: Array.isArray(s.colour) ? s.colour.map(fill) : fill(s.colour), borderColor: '#1a1a1a', borderWidth: 1 }] },
      options: { rotation: -90, circumference: 180, cutout: '62%', plugins: { legend: { display: false }, tooltip: { enabled: false } } }
    };
  }

  /** @param {HTMLCanvasElement} canvas */
  function draw(canvas) {
    /** @type {ChartModel} */
    var model = JSON.parse(canvas.getAttribute('data-chart') || 'null');
    var box = canvas.parentElement;
    if (!model || !box) return null;
    var narrow = box.clientWidth < 600;
    if (model.type === 'bar' && model.horizontal && !canvas.hasAttribute('data-fixed-height')) {
      // One row per label: the box grows with the number of units or indicators.
      var row = Number(canvas.getAttribute('data-row-height') || (narrow ? 34 : 28));
      box.style.height = Math.max(180, model.labels.length * row + 90) + 'px';
    }
    var config = model.type === 'radar' ? radarConfig(model, narrow, canvas.hasAttribute('data-compact')) : model.type === 'gauge' ? gaugeConfig(model) : barConfig(model, narrow);
    config.options.responsive = true;
    config.options.maintainAspectRatio = false;
    config.options.animation = false;
    config.options.locale = 'id-ID';
    config.plugins = [valueLabels, gaugeText];
    /** @type {Sp4nChart} */
    var chart = new Chart(canvas, /** @type {import('chart.js').ChartConfiguration<import('chart.js').ChartType, (number | null)[]>} */ (config));
    chart.$sp4n = model;
    chart.update();
    charts.push(chart);
    return chart;
  }

  /**
   * Draws every chart under root; charts drawn earlier whose canvas left the page are released first.
   * @param {ParentNode} [root]
   */
  function drawAll(root) {
    charts = charts.filter(function (c) {
      if (document.body.contains(c.canvas)) return true;
      c.destroy();
      return false;
    });
    Array.prototype.forEach.call((root || document).querySelectorAll('canvas[data-chart]'), /** @param {HTMLCanvasElement} canvas */ function (canvas) {
      if (!Chart.getChart(canvas)) draw(canvas);
    });
  }

  // Printing: redraw at the paper's size rather than scale the screen bitmap. NOTE: the print layout is not known
  // yet when beforeprint fires, so a canvas may name its printed size (data-print-size="300x166", CSS pixels).
  window.addEventListener('beforeprint', function () {
    charts.forEach(function (c) {
      var size = /^(\d+)x(\d+)$/.exec(c.canvas.getAttribute('data-print-size') || '');
      if (size) c.resize(Number(size[1]), Number(size[2]));
      else c.resize();
    });
  });
  window.addEventListener('afterprint', function () { charts.forEach(function (c) { c.resize(); }); });

  window.SP4NCharts = { drawAll: drawAll, charts: function () { return charts.slice(); } };
  if (!document.querySelector('[data-deck]')) drawAll(document);
})();
