/*
 * Indicators dashboard: draws the by-month and by-sub-unit charts with Apache ECharts from the numbers the page
 * already shows in its tables (the JSON in #chart-data), and ticks the period kind that matches the field the
 * user changed. Without JavaScript the tables and the form work the same.
 */
(function () {
  'use strict';

  function bars(id, part, data) {
    var el = document.getElementById(id);
    if (!el || !part || !part.labels || part.labels.length === 0) {
      return null;
    }
    el.hidden = false;
    var chart = window.echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: [data.current, data.comparison] },
      grid: { left: 60, right: 20, bottom: 70 },
      xAxis: { type: 'category', data: part.labels, axisLabel: { interval: 0, rotate: part.labels.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: data.indicator },
      series: [
        { name: data.current, type: 'bar', data: part.values },
        { name: data.comparison, type: 'bar', data: part.comparisonValues }
      ]
    });
    return chart;
  }

  function draw() {
    var source = document.getElementById('chart-data');
    if (!source || !window.echarts) {
      return;
    }
    var data = JSON.parse(source.textContent);
    var charts = [bars('chart-months', data.months, data), bars('chart-units', data.units, data)];
    window.addEventListener('resize', function () {
      charts.forEach(function (c) { if (c) { c.resize(); } });
    });
  }

  function tick(fieldId, radioId) {
    var field = document.getElementById(fieldId);
    var radio = document.getElementById(radioId);
    if (field && radio) {
      field.addEventListener('change', function () { radio.checked = true; });
    }
  }

  function init() {
    tick('quarter', 'period-quarter');
    tick('month', 'period-month');
    tick('from', 'period-custom');
    tick('to', 'period-custom');
    draw();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
