// Charts of the evaluation pages (ECharts, vendored). Data comes from the page's json_script block.
document.addEventListener("DOMContentLoaded", function () {
  var holder = document.getElementById("evaluation-chart");
  if (!holder || typeof echarts === "undefined") return;
  var data = JSON.parse(holder.textContent);
  var font = { fontFamily: "Noto Sans CJK SC, sans-serif" };
  var trend = document.getElementById("chart-trend");
  if (trend && data.months && data.months.length) {
    echarts.init(trend).setOption({
      textStyle: font, animation: false,
      grid: { left: 40, right: 16, top: 20, bottom: 30 },
      xAxis: { type: "category", data: data.months },
      yAxis: { type: "value", min: 0, max: 100 },
      tooltip: { trigger: "axis" },
      series: [{ type: "line", name: data.labels.total, data: data.totals, connectNulls: true, itemStyle: { color: "#b3001b" } }]
    });
  }
  var children = document.getElementById("chart-children");
  if (children && data.children && data.children.length) {
    echarts.init(children).setOption({
      textStyle: font, animation: false,
      grid: { left: 110, right: 20, top: 10, bottom: 30 },
      xAxis: { type: "value", min: 0, max: 100 },
      yAxis: { type: "category", data: data.children.map(function (c) { return c.name; }) },
      tooltip: {},
      series: [{ type: "bar", name: data.labels.score, data: data.children.map(function (c) { return c.total; }), itemStyle: { color: "#d8323f" } }]
    });
  }
});
