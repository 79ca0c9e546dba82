// The supervision dashboard's charts. Each chart is drawn from the table beside it, which is also its text
// alternative (visually hidden, read by screen readers): series are the table's columns, categories its rows, and
// every label comes from the page (the message bundles), none from this file. Colours are the site's tokens.
// ECharts draws on a canvas, its tooltip too (richText): the SVG renderer and HTML tooltips write style attributes,
// which the Content-Security-Policy (style-src 'self') refuses, one console error each.
(function () {
  'use strict';

  var PALETTES = {
    'chart-workload': ['#7fa7d4', '--brand', '--err'],
    'chart-trend': ['--brand'],
    'chart-ratings': ['--brand-dark', '--brand', '#7fa7d4', '--warn', '--err']
  };

  function token(name) {
    if (name.indexOf('--') !== 0) {
      return name;
    }
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#0b5cad';
  }

  function read(table) {
    var columns = Array.prototype.slice.call(table.querySelectorAll('thead th')).slice(1)
      .map(function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      var th = tr.querySelector('th');
      return {
        label: th.getAttribute('data-short') || th.textContent.trim(),
        values: Array.prototype.map.call(tr.querySelectorAll('td'), function (td) {
          var v = td.getAttribute('data-value');
          return v === null || v === '' ? null : Number(v);
        })
      };
    });
    return { columns: columns, rows: rows };
  }

  function font() {
    return getComputedStyle(document.body).fontFamily;
  }

  // Axis labels in the page's muted ink (7:1 on white), not ECharts' lighter grey.
  function axis(extra) {
    var base = { axisLabel: { color: token('--muted'), fontSize: 13 }, axisLine: { lineStyle: { color: token('--muted') } } };
    Object.keys(extra).forEach(function (k) {
      if (k === 'axisLabel') {
        Object.keys(extra.axisLabel).forEach(function (l) { base.axisLabel[l] = extra.axisLabel[l]; });
      } else {
        base[k] = extra[k];
      }
    });
    return base;
  }

  // Horizontal bars: long department names sit on their own axis and wrap instead of being clipped.
  function bars(el, data, colours, stacked) {
    var width = el.clientWidth;
    var labelWidth = Math.max(90, Math.min(220, Math.round(width * 0.36)));
    // a row is as tall as its bars or its wrapped label, whichever is taller (a CJK character ~13 px, others ~7 px)
    var lines = data.rows.reduce(function (most, r) {
      var px = 0;
      for (var i = 0; i < r.label.length; i++) {
        px += r.label.charCodeAt(i) > 0x2e80 ? 13 : 7;
      }
      return Math.max(most, Math.ceil(px / labelWidth));
    }, 1);
    var perRow = Math.max(stacked ? 34 : 18 * data.columns.length + 18, lines * 16 + 14);
    var legendRows = width < 520 && data.columns.length > 3 ? 2 : 1;
    var top = 12 + 26 * legendRows;
    el.style.height = (top + 36 + data.rows.length * perRow) + 'px';
    return {
      textStyle: { fontFamily: font(), fontSize: 13 },
      color: colours,
      legend: { top: 0, left: 0, itemGap: 12, textStyle: { fontSize: 13 } },
      grid: { left: 8, right: 24, top: top, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      xAxis: axis({ type: 'value', minInterval: 1 }),
      yAxis: axis({
        type: 'category', inverse: true, data: data.rows.map(function (r) { return r.label; }),
        axisLabel: { width: labelWidth, overflow: 'break', interval: 0, lineHeight: 16, color: token('--ink') }
      }),
      series: data.columns.map(function (name, i) {
        return {
          name: name, type: 'bar', stack: stacked ? 'all' : undefined, barMaxWidth: 22,
          // side by side, each bar says its number; stacked, the tooltip and the table do
          label: stacked ? { show: false } : { show: true, position: 'right', color: token('--ink'), fontSize: 12 },
          data: data.rows.map(function (r) { return r.values[i]; })
        };
      })
    };
  }

  // A line over the weeks, in percent; a week with nothing decided is a gap, not a zero.
  function line(el, data, colours) {
    el.style.height = '280px';
    return {
      textStyle: { fontFamily: font(), fontSize: 13 },
      color: colours,
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
      xAxis: axis({ type: 'category', boundaryGap: false, data: data.rows.map(function (r) { return r.label; }),
        axisLabel: { hideOverlap: true } }),
      yAxis: axis({ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }),
      series: data.columns.map(function (name, i) {
        return {
          name: name, type: 'line', symbolSize: 8, connectNulls: false, lineStyle: { width: 3 },
          label: { show: true, position: 'top', formatter: '{c}%', color: token('--ink') },
          data: data.rows.map(function (r) { return r.values[i]; })
        };
      })
    };
  }

  function draw(el) {
    var table = document.getElementById(el.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var kind = el.getAttribute('data-chart');
    var data = read(table);
    var colours = (PALETTES[kind] || ['--brand']).map(token);
    var option = kind === 'chart-trend' ? line(el, data, colours) : bars(el, data, colours, kind === 'chart-ratings');
    option.animation = false;
    var chart = window.echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option);
    el.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () {
      chart.setOption(kind === 'chart-trend' ? line(el, data, colours) : bars(el, data, colours, kind === 'chart-ratings'));
      chart.resize();
    });
  }

  function drawAll() {
    if (typeof window.echarts === 'undefined') {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('.chart[data-chart]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
