/* Keeps an embedded chart current: polls its JSON (data-live-url) every minute with the ETag it
 * last saw, so an unchanged chart costs a 304, and redraws through SanctuaryCharts.draw when new
 * events are published. Also refreshes the caption and the data table, which carry the same numbers. */
(function () {
  "use strict";
  var PERIOD_MS = 60000;

  function fillTable(table, data) {
    var target = table.getAttribute("data-link-target");
    var body = document.createElement("tbody");
    data.rows.forEach(function (row) {
      var tr = document.createElement("tr");
      row.forEach(function (cell, i) {
        var td = document.createElement(i === 0 ? "th" : "td");
        if (i === 0) { td.setAttribute("scope", "row"); }
        if (cell.numeric) { td.className = "num"; }
        if (cell.href && cell.href.charAt(0) === "/") {  // same-site links only
          var a = document.createElement("a");
          a.href = cell.href;
          if (target) { a.target = target; }
          a.textContent = cell.text;
          td.appendChild(a);
        } else {
          td.textContent = cell.text;
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    if (!data.rows.length) {
      var empty = document.createElement("tr"), td = document.createElement("td");
      td.colSpan = data.columns.length;
      td.textContent = "No events to count.";
      empty.appendChild(td);
      body.appendChild(empty);
    }
    table.replaceChild(body, table.tBodies[0]);
  }

  function apply(root, payload) {
    var plot = root.querySelector(".chart__plot");
    if (plot && window.SanctuaryCharts) { window.SanctuaryCharts.draw(plot, payload.figure); }
    if (plot) {
      // templates/partials/chart.html names the caption "<chart id>-caption".
      var caption = document.getElementById(plot.id + "-caption");
      if (caption) { caption.textContent = payload.caption; }
      plot.setAttribute("aria-label", payload.caption);
    }
    Array.prototype.forEach.call(root.querySelectorAll("[data-live-caption]"), function (el) {
      el.textContent = payload.caption;
    });
    var table = root.querySelector("table[data-live-table]");
    if (table && payload.table) { fillTable(table, payload.table); }
  }

  function watch(root) {
    var url = root.getAttribute("data-live-url");
    var etag = root.getAttribute("data-etag") || "";
    var busy = false;
    if (!url || !window.fetch) { return; }

    function poll() {
      if (busy || document.hidden) { return; }
      busy = true;
      var headers = { "Accept": "application/json" };
      if (etag) { headers["If-None-Match"] = etag; }
      window.fetch(url, { headers: headers, cache: "no-store", credentials: "same-origin" })
        .then(function (response) {
          if (response.status !== 200) { return null; }  // 304: nothing new; errors: keep what is shown
          etag = response.headers.get("ETag") || "";
          return response.json();
        })
        .then(function (payload) { if (payload) { apply(root, payload); } })
        .catch(function () { /* offline for a moment: the next poll tries again */ })
        .then(function () { busy = false; });
    }

    window.setInterval(poll, PERIOD_MS);
    // A reader coming back to a tab that slept sees current numbers without waiting a minute.
    document.addEventListener("visibilitychange", function () { if (!document.hidden) { poll(); } });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-live-url]"), watch);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
