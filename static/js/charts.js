/* Draws every server-built Plotly figure on the page: no figure logic lives here.
 * Each .chart__plot names (data-figure) the id of a <script type="application/json"> holding
 * {data, layout, links?}. Map data comes from this site (config.topojsonURL), never a CDN.
 * Points and bars may carry a URL in customdata (or in links[curve][point]); clicking opens it,
 * in the window named by <html data-link-target> if any (embeds open links in the top window). */
(function () {
  "use strict";
  var TOPOJSON_URL = document.documentElement.getAttribute("data-topojson-url") || "/static/vendor/topojson/";
  var LINK_TARGET = document.documentElement.getAttribute("data-link-target");

  function open(url) {
    if (LINK_TARGET) { window.open(url, LINK_TARGET); } else { window.location.assign(url); }
  }

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
      scrollZoom: false,  // scrolling the page over a map must scroll the page
      modeBarButtonsToRemove: ["sendDataToCloud", "lasso2d", "select2d"]
    };
    return window.Plotly.react(el, figure.data, figure.layout || {}, config).then(function () {
      if (!el.getAttribute("data-click-bound")) {
        el.setAttribute("data-click-bound", "1");
        el.on("plotly_click", function (event) {
          var url = event && event.points && event.points.length ? urlOf(event.points[0]) : null;
          if (url) { open(url); }
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
