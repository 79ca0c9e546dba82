// The supervision dashboard's chart: reads its data from the URL in data-source and draws it with ECharts
// (SVG renderer). The tables on the page carry the same figures for anyone who cannot see the chart.
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
        var chart = window.echarts.init(el, null, { renderer: 'svg' });
        chart.setOption({
          animation: false,
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 40, right: 16, bottom: 80, top: 40 },
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
