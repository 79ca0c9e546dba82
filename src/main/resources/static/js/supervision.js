// The supervision dashboard's chart: reads its data from the URL in data-source and draws it with ECharts on a
// canvas, its tooltip too (richText): the SVG renderer and HTML tooltips write style attributes, which the
// Content-Security-Policy (style-src 'self') refuses, one console error each. ECharts' aria option describes the
// chart in the container's aria-label; the tables on the page carry the same figures for anyone who cannot see it.
(function () {
  'use strict';
  function draw() {
    var el = document.getElementById('supervision-chart');
    if (!el || typeof window.echarts === 'undefined') {
      return;
    }
    fetch(el.getAttribute('data-source'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var chart = window.echarts.init(el, null, { renderer: 'canvas' });
        chart.setOption({
          animation: false,
          aria: { enabled: true },
          tooltip: { trigger: 'axis', renderMode: 'richText' },
          legend: { top: 0 },
          grid: { left: 16, right: 16, bottom: 8, top: 40, containLabel: true },
          xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, rotate: 30 } },
          yAxis: { type: 'value', minInterval: 1 },
          series: data.series.map(function (s) { return { name: s.name, type: 'bar', data: s.data }; })
        });
        el.setAttribute('data-drawn', 'true');
        window.addEventListener('resize', function () { chart.resize(); });
      });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
