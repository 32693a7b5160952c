// Review queue: a "select all" box for the page, and only the inputs the chosen action needs.
// Everything works without this script: the box stays hidden and every input stays visible.
(function () {
  "use strict";
  var all = document.querySelector(".js-select-all");
  if (all) {
    all.hidden = false;
    all.addEventListener("change", function () {
      document.querySelectorAll(".js-pick").forEach(function (box) { box.checked = all.checked; });
    });
  }
  document.querySelectorAll(".bulk-form").forEach(function (form) {
    var action = form.querySelector("select[name=action]");
    if (!action) { return; }
    var needs = { reason: ["dismiss", "duplicate", "reopen"], original: ["duplicate"] };
    function update() {
      Object.keys(needs).forEach(function (name) {
        var row = form.querySelector(".bulk-actions__field--" + name);
        if (row) { row.hidden = needs[name].indexOf(action.value) === -1; }
      });
    }
    action.addEventListener("change", update);
    update();
  });
})();
