// Draws each figure's chart with the ECharts that zhenggai serves itself. The data comes
// from a json_script element beside the chart, because the CSP allows no inline script;
// the table under the chart holds the same figures for readers and screen readers.
(function () {
  "use strict";
  var COLORS = ["#2e7d32", "#0b5cad", "#c62828", "#b26a00", "#6a1b9a"];
  var NARROW = 640;

  function percent(value) {
    return value === null || value === undefined ? "—" : value + "%";
  }

  function barOption(spec, narrow) {
    return {
      color: COLORS,
      animation: false,
      // richText draws the tooltip on the canvas: HTML tooltips carry inline styles,
      // which the CSP refuses.
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        renderMode: "richText",
        valueFormatter: spec.percent ? percent : undefined
      },
      legend: { top: 0, type: "scroll" },
      grid: { left: 4, right: 24, top: 32, bottom: 4, containLabel: true },
      xAxis: {
        type: "value",
        max: spec.percent ? 100 : null,
        minInterval: 1,
        axisLabel: { formatter: spec.percent ? "{value}%" : "{value}" }
      },
      yAxis: {
        type: "category",
        inverse: true,
        data: spec.labels,
        axisLabel: { width: narrow ? 90 : 220, overflow: "truncate" }
      },
      series: spec.series.map(function (series) {
        return { name: series.name, type: "bar", data: series.data };
      })
    };
  }

  function lineOption(spec, narrow) {
    return {
      color: COLORS.slice(1),
      animation: false,
      tooltip: { trigger: "axis", renderMode: "richText" },
      grid: { left: 4, right: 16, top: 16, bottom: 4, containLabel: true },
      xAxis: {
        type: "category",
        boundaryGap: false,
        data: spec.labels,
        axisLabel: {
          hideOverlap: true,
          alignMinLabel: "left",
          alignMaxLabel: "right",
          // "2024-03-31" → "03-31" on a phone: the year is in the table below.
          formatter: narrow ? function (label) { return label.slice(5); } : null
        }
      },
      yAxis: { type: "value", minInterval: 1 },
      series: spec.series.map(function (series) {
        return { name: series.name, type: "line", areaStyle: {}, data: series.data };
      })
    };
  }

  function draw(element) {
    var spec = JSON.parse(document.getElementById(element.dataset.chart).textContent);
    if (spec.type === "bar") {
      // One band per row, so long lists stay readable on a phone.
      var band = 14 * spec.series.length + 16;
      element.style.height = Math.max(200, spec.labels.length * band + 60) + "px";
    }
    var chart = echarts.init(element);
    function render() {
      var narrow = window.innerWidth < NARROW;
      var option = spec.type === "bar" ? barOption(spec, narrow) : lineOption(spec, narrow);
      chart.setOption(option, true);
      chart.resize();
    }
    render();
    return render;
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.echarts) {
      return;
    }
    var renders = Array.prototype.map.call(document.querySelectorAll(".chart[data-chart]"), draw);
    var pending = null;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        renders.forEach(function (render) { render(); });
      }, 150);
    });
  });
})();
