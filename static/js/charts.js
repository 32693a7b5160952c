/* Draws every server-built Plotly figure on the page: no figure logic lives here.
 * Each .chart__plot names (data-figure) the id of a <script type="application/json"> holding
 * {data, layout, links?}. Map data comes from this site (config.topojsonURL), never a CDN.
 * Points and bars may carry a URL in customdata (or in links[curve][point]); clicking opens it. */
(function () {
  "use strict";
  var TOPOJSON_URL = document.documentElement.getAttribute("data-topojson-url") || "/static/vendor/topojson/";

  function figureFor(el) {
    var script = document.getElementById(el.getAttribute("data-figure"));
    return script ? JSON.parse(script.textContent) : null;
  }

  function urlOf(point) {
    var data = point.customdata;
    if (Array.isArray(data)) { data = data[0]; }
    return typeof data === "string" && data.charAt(0) === "/" ? data : null;  // same-site links only
  }

  function draw(el, figure) {
    var config = {
      responsive: true,
      displaylogo: false,
      topojsonURL: TOPOJSON_URL,
      modeBarButtonsToRemove: ["sendDataToCloud", "lasso2d", "select2d"]
    };
    return window.Plotly.react(el, figure.data, figure.layout || {}, config).then(function () {
      if (!el.getAttribute("data-click-bound")) {
        el.setAttribute("data-click-bound", "1");
        el.on("plotly_click", function (event) {
          var url = event && event.points && event.points.length ? urlOf(event.points[0]) : null;
          if (url) { window.location.assign(url); }
        });
      }
    });
  }

  function drawAll(root) {
    if (!window.Plotly) { return; }
    var plots = (root || document).querySelectorAll(".chart__plot[data-figure]");
    Array.prototype.forEach.call(plots, function (el) {
      var figure = figureFor(el);
      if (figure) { draw(el, figure); }
    });
  }

  window.SanctuaryCharts = { draw: draw, drawAll: drawAll };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { drawAll(); });
  } else {
    drawAll();
  }
})();
