/* Sanctuary Tracker embed loader, served at /embed/embed.js. Include it once on a page that embeds
 * Sanctuary Tracker iframes (the embed code does); each iframe then takes the height of its
 * content, as Datawrapper and Flourish embeds do, instead of a fixed height with a scrollbar.
 *
 * Our iframes are those marked data-sanctuary-tracker, or whose src is under /embed/ on the site
 * this script came from. Each embed page posts {type: "sanctuary-tracker:height", id, height};
 * a message is used only if it comes from one of our iframes' own window (event.source) and from
 * that iframe's origin (event.origin), so no other frame or window can resize anything.
 * Needs nothing from the host page's CSP but this script and frames from this site: it sets
 * heights through the CSSOM (element.style), which style-src does not restrict, and evaluates no code. */
(function () {
  "use strict";
  var HEIGHT = "sanctuary-tracker:height";
  var HELLO = "sanctuary-tracker:hello";
  var MAX_HEIGHT = 20000;  // px: a bound on what a message may ask for
  var api = window.SanctuaryTrackerEmbeds;
  if (api && typeof api.scan === "function") { api.scan(); return; }  // the snippet pasted twice

  var script = document.currentScript;
  var home = null;
  try { home = script && script.src ? new URL(script.src, window.location.href).origin : null; } catch (e) { home = null; }

  function urlOf(frame) {
    try { return new URL(frame.src, window.location.href); } catch (e) { return null; }
  }

  function originOf(frame) {
    var url = urlOf(frame);
    return url && (url.protocol === "https:" || url.protocol === "http:") ? url.origin : null;
  }

  function isOurs(frame) {
    if (frame.hasAttribute("data-sanctuary-tracker")) { return true; }
    var url = urlOf(frame);
    return !!url && home !== null && url.origin === home && url.pathname.indexOf("/embed/") === 0;
  }

  function frames() {
    return Array.prototype.filter.call(document.getElementsByTagName("iframe"), isOurs);
  }

  function px(style, name) { return parseFloat(style.getPropertyValue(name)) || 0; }

  function setHeight(frame, height) {
    var style = window.getComputedStyle(frame);
    // The message gives the content's height; a border-box iframe needs its border and padding too.
    if (style.boxSizing === "border-box") {
      height += px(style, "border-top-width") + px(style, "border-bottom-width") +
        px(style, "padding-top") + px(style, "padding-bottom");
    }
    frame.style.height = height + "px";
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== HEIGHT) { return; }
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < 0) { return; }
    height = Math.min(Math.ceil(height), MAX_HEIGHT);
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow === event.source && originOf(frame) === event.origin) {
        setHeight(frame, height);
        return;
      }
    }
  }

  function hello(frame) {
    var origin = originOf(frame);
    if (origin && frame.contentWindow) { frame.contentWindow.postMessage({ type: HELLO }, origin); }
  }

  // Frames that loaded before this script ran posted their height to nobody: ask them again.
  function scan() { frames().forEach(hello); }

  window.addEventListener("message", onMessage);
  // An iframe's load event does not bubble, but it can be caught on the way down.
  document.addEventListener("load", function (event) {
    var target = event.target;
    if (target && target.tagName === "IFRAME" && isOurs(target)) { hello(target); }
  }, true);
  window.SanctuaryTrackerEmbeds = { scan: scan };
  scan();
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", scan); }
})();
