/* The dashboard's charts (ECharts from the WebJar): each .chart element carries its data as JSON in data-chart
   ({title, type, categories, series: [{name, unit, data, links}]}); a click on a bar or point opens the cases behind it.
   No inline script: the CSP forbids it. */
(function () {
  'use strict';

  function option(c) {
    var horizontal = c.type === 'hbar';
    var series = c.series.map(function (s, i) {
      var rate = s.unit === '%';
      return {
        name: s.name,
        type: c.type === 'trend' ? (rate ? 'line' : 'bar') : 'bar',
        yAxisIndex: c.type === 'trend' && rate ? 1 : 0,
        data: s.data,
        links: s.links,
        connectNulls: true,
        label: {show: c.type !== 'trend', position: horizontal ? 'right' : 'top'}
      };
    });
    var categoryAxis = {type: 'category', data: c.categories, axisLabel: {interval: 0, rotate: horizontal ? 0 : 30}};
    var valueAxis = {type: 'value', minInterval: 1};
    var yAxis = c.type === 'trend'
        ? [{type: 'value', name: '件', minInterval: 1}, {type: 'value', name: '%', min: 0, max: 100}]
        : (horizontal ? categoryAxis : valueAxis);
    return {
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: horizontal ? 160 : 50, right: 50, bottom: 70, top: 40},
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: yAxis,
      series: series
    };
  }

  function draw() {
    if (typeof window.echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      var c = JSON.parse(el.getAttribute('data-chart'));
      if (!c.categories || c.categories.length === 0) {
        el.textContent = document.documentElement.lang === 'en' ? 'No data in this period' : '本期没有数据';
        el.classList.add('text-muted', 'small');
        el.style.height = 'auto';
        return;
      }
      var chart = window.echarts.init(el);
      chart.setOption(option(c));
      chart.on('click', function (p) {
        var s = c.series[p.seriesIndex];
        var link = s && s.links ? s.links[p.dataIndex] : null;
        if (link) {
          window.location.href = link;
        }
      });
      el.setAttribute('data-drawn', 'true');
      window.addEventListener('resize', function () {
        chart.resize();
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
