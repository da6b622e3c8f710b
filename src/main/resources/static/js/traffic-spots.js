/*
 * Black spots: plots the accidents and the spot centres with Apache ECharts as a scatter on longitude and latitude,
 * from the JSON in #spots-data. When a tile URL is configured ({z}/{x}/{y}), map tiles are drawn under the points;
 * otherwise no outside address is reached. Without JavaScript the table shows the same spots.
 */
(function () {
  'use strict';

  function tileX(lon, z) { return (lon + 180) / 360 * Math.pow(2, z); }

  function tileY(lat, z) {
    var r = lat * Math.PI / 180;
    return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * Math.pow(2, z);
  }

  function lonOf(x, z) { return x / Math.pow(2, z) * 360 - 180; }

  function latOf(y, z) {
    var n = Math.PI - 2 * Math.PI * y / Math.pow(2, z);
    return 180 / Math.PI * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)));
  }

  function tiles(chart, url) {
    var model = chart.getModel();
    var x = model.getComponent('xAxis', 0).axis.scale.getExtent();
    var y = model.getComponent('yAxis', 0).axis.scale.getExtent();
    var z = Math.max(1, Math.min(18, Math.round(Math.log2(360 / Math.max(x[1] - x[0], 1e-6) * 4))));
    var elements = [];
    for (var tx = Math.floor(tileX(x[0], z)); tx <= Math.floor(tileX(x[1], z)); tx++) {
      for (var ty = Math.floor(tileY(y[1], z)); ty <= Math.floor(tileY(y[0], z)); ty++) {
        var topLeft = chart.convertToPixel({ gridIndex: 0 }, [lonOf(tx, z), latOf(ty, z)]);
        var bottomRight = chart.convertToPixel({ gridIndex: 0 }, [lonOf(tx + 1, z), latOf(ty + 1, z)]);
        elements.push({
          type: 'image', z: -10, silent: true,
          style: {
            image: url.replace('{z}', z).replace('{x}', tx).replace('{y}', ty),
            x: topLeft[0], y: topLeft[1], width: bottomRight[0] - topLeft[0], height: bottomRight[1] - topLeft[1]
          }
        });
      }
    }
    chart.setOption({ graphic: { elements: elements } }, { replaceMerge: ['graphic'] });
  }

  function draw() {
    var source = document.getElementById('spots-data');
    var el = document.getElementById('spots-chart');
    if (!source || !el || !window.echarts) {
      return;
    }
    var data = JSON.parse(source.textContent);
    if (!data.accidents || data.accidents.length === 0) {
      return;
    }
    el.hidden = false;
    el.style.width = '100%';
    el.style.maxWidth = '60rem';
    el.style.height = '480px';
    var chart = window.echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      grid: { left: 70, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'value', scale: true, name: 'lon' },
      yAxis: { type: 'value', scale: true, name: 'lat' },
      series: [
        { type: 'scatter', data: data.accidents, symbolSize: function (v) { return v[2] > 0 ? 7 : 4; },
          itemStyle: { color: '#5470c6', opacity: 0.6 } },
        { type: 'scatter', data: data.spots, symbolSize: function (v) { return Math.min(40, 8 + 2 * v[2]); },
          itemStyle: { color: '#ee6666', opacity: 0.8 } }
      ]
    });
    if (data.tileUrl) {
      tiles(chart, data.tileUrl);
    }
    window.addEventListener('resize', function () {
      chart.resize();
      if (data.tileUrl) {
        tiles(chart, data.tileUrl);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  }
  else {
    draw();
  }
})();
