/* Draws every server-built Plotly figure on the page: no figure logic lives here.
 * Each .chart__plot names (data-figure) the id of a <script type="application/json"> holding
 * {data, layout, links?}. Map data comes from this site (config.topojsonURL), never a CDN.
 * Points and bars may carry a URL in customdata (or in links[curve][point]); clicking opens it,
 * in the window named by <html data-link-target> if any (embeds open links in the top window).
 * Below NARROW_PX (a phone, a 320 px story column) a figure is fitted to its width: a map as tall as
 * the country drawn at that width, smaller points, a smaller legend, shortened row labels. */
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

  var NARROW_PX = 480;
  var LABEL_CHARS = 18;

  function shorten(text) {
    text = String(text);
    return text.length > LABEL_CHARS ? text.slice(0, LABEL_CHARS - 1) + "\u2026" : text;
  }

  // A narrow copy of the figure (never the original: live embeds and resizes redraw from it).
  function fitted(figure, width) {
    if (!width || width >= NARROW_PX) { return figure; }
    var fit = JSON.parse(JSON.stringify(figure));
    var layout = fit.layout = fit.layout || {};
    var scale = width / NARROW_PX;
    layout.font = layout.font || {};
    layout.font.size = Math.min(layout.font.size || 12, 11);
    if (layout.legend) { layout.legend.font = { size: 11 }; }
    if (layout.geo) {
      // Albers USA is about 0.62 as tall as wide; the margins hold the legend and the colour bar.
      var margin = layout.margin || {};
      var frame = Math.round(width * 0.62) + (margin.t || 0) + (margin.b || 0) + 24;
      layout.height = Math.min(layout.height || frame, frame);
      (fit.data || []).forEach(function (trace) {
        if (trace.type === "scattergeo" && trace.marker && trace.marker.sizeref) {
          // Area sizing: dividing sizeref by scale squared shrinks every diameter by scale.
          trace.marker.sizeref = trace.marker.sizeref / (scale * scale);
          trace.marker.sizemin = 3;
        }
        if (trace.colorbar) { trace.colorbar.len = 0.9; }
      });
    }
    var yaxis = layout.yaxis;
    if (yaxis && yaxis.type === "category" && Array.isArray(yaxis.categoryarray)) {
      yaxis.tickmode = "array";
      yaxis.tickvals = yaxis.categoryarray;
      yaxis.ticktext = yaxis.categoryarray.map(shorten);
    }
    return fit;
  }

  function widthBucket(el) {
    var width = el.clientWidth;
    return width >= NARROW_PX ? "wide" : String(Math.round(width / 20));
  }

  function draw(el, figure) {
    el.sanctuaryFigure = figure;
    el.sanctuaryWidth = widthBucket(el);
    figure = fitted(figure, el.clientWidth);
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

  // Crossing into or within the narrow range redraws the figure fitted to the new width; Plotly's
  // own responsive resizing keeps the rest.
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(function () {
      Array.prototype.forEach.call(document.querySelectorAll(".chart__plot[data-figure]"), function (el) {
        if (el.sanctuaryFigure && widthBucket(el) !== el.sanctuaryWidth) { draw(el, el.sanctuaryFigure); }
      });
    }, 150);
  });

  window.SanctuaryCharts = { draw: draw, drawAll: drawAll };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { drawAll(); });
  } else {
    drawAll();
  }
})();
