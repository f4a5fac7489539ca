// The supervisor's charts: each <div class="chart" data-chart='{…}'> holds the series its table prints
// (gongkai.supervision.Chart.to_dict()); this draws them with ECharts. No inline script (CSP).
(function () {
  "use strict";
  if (typeof echarts === "undefined") { return; }
  var palette = ["#1d4f91", "#a8201a", "#1f7a3a", "#b35c00", "#6b4c9a", "#2a8a9a", "#7a7f87"];

  function option(spec) {
    var unit = spec.unit;
    var byBody = spec.category_label === "机关";
    var empty = spec.series.every(function (s) { return s.values.every(function (v) { return v == null; }); });
    return {
      title: empty ? { text: "暂无数据（说明见下方）", left: "center", top: "middle", textStyle: { color: "#646a73", fontSize: 14, fontWeight: "normal" } } : undefined,
      color: palette,
      tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "空白" : v + " " + unit; } },
      legend: { type: "scroll", top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: "category",
        data: spec.categories,
        axisLabel: { interval: 0, rotate: byBody && spec.categories.length > 4 ? 30 : 0, width: 120, overflow: "truncate" }
      },
      yAxis: { type: "value", name: unit, max: unit === "%" ? 100 : null },
      series: spec.series.map(function (s) {
        return {
          name: s.name,
          type: spec.kind,
          stack: spec.stacked ? "total" : null,
          connectNulls: false,
          emphasis: { focus: "series" },
          data: s.values
        };
      })
    };
  }

  var charts = [];
  document.querySelectorAll(".chart[data-chart]").forEach(function (el) {
    var spec;
    try { spec = JSON.parse(el.dataset.chart); } catch (e) { return; }
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option(spec));
    charts.push(chart);
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
