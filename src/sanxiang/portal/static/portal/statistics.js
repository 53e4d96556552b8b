/* Statistics charts of the public portal; the data comes from the json_script tag "chart-data". */
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("chart-data");
    if (!source || typeof echarts === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var pie = document.getElementById("chart-categories");
    if (pie) {
      echarts.init(pie).setOption({
        tooltip: { trigger: "item" },
        series: [{ type: "pie", radius: ["35%", "65%"], data: data.categories }]
      });
    }
    var bar = document.getElementById("chart-authorities");
    if (bar) {
      var names = data.authorities.map(function (row) { return row.name; });
      var values = data.authorities.map(function (row) { return row.value; });
      echarts.init(bar).setOption({
        tooltip: { trigger: "axis" },
        grid: { left: 10, right: 20, top: 10, bottom: 10, containLabel: true },
        xAxis: { type: "value" },
        yAxis: { type: "category", data: names, inverse: true },
        series: [{ type: "bar", data: values, itemStyle: { color: "#b3001b" } }]
      });
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
