/* Tells the page that frames this embed how tall its content is, so the loader there
 * (/embed/embed.js, static/js/embed-loader.js) can size the <iframe> to fit: no inner scrollbar,
 * no blank space. Posts {type: "sanctuary-tracker:height", id, height} on load, when the frame is
 * resized, when the content changes size (ResizeObserver: a chart drawn, a table opened) and when
 * the loader asks ("sanctuary-tracker:hello", for a loader that arrived after this page loaded).
 * The height is no secret, so it goes to any parent ("*"); the loader checks who sent it. */
(function () {
  "use strict";
  var HEIGHT = "sanctuary-tracker:height";
  var HELLO = "sanctuary-tracker:hello";
  var parentWindow = window.parent;
  if (!parentWindow || parentWindow === window) { return; }  // opened on its own: nothing to size
  var root = document.documentElement;
  var id = root.getAttribute("data-embed-id") || window.location.pathname;
  var sent = -1;
  var queued = false;

  function contentHeight() {
    // The root element's own box: its content, whatever the frame's current height (scrollHeight
    // would never report less than the frame). Rounded up, so the frame never falls short by a
    // fraction of a pixel.
    return Math.ceil(root.getBoundingClientRect().height);
  }

  function post(force) {
    queued = false;
    var height = contentHeight();
    if (height === sent && !force) { return; }
    sent = height;
    parentWindow.postMessage({ type: HEIGHT, id: id, height: height }, "*");
  }

  function schedule() {
    if (queued) { return; }
    queued = true;
    window.requestAnimationFrame(function () { post(false); });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source === parentWindow && data && typeof data === "object" && data.type === HELLO) { post(true); }
  });
  window.addEventListener("load", function () { post(true); });
  window.addEventListener("resize", schedule);
  if (window.ResizeObserver) {
    var observer = new window.ResizeObserver(schedule);
    observer.observe(root);
    if (document.body) { observer.observe(document.body); }
  }
  // <details> opening and closing changes the height; ResizeObserver sees it, but older browsers
  // without ResizeObserver get it here.
  document.addEventListener("toggle", schedule, true);
  post(true);
})();
