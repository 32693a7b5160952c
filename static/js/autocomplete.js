/* Jurisdiction autocomplete for the events filter (progressive enhancement).
 * Without this script #id_jurisdiction is a plain text box the filter understands ("Chicago, IL" or an
 * id). With it, the box becomes an ARIA 1.2 combobox: typing asks /jurisdictions/suggest.json, the
 * answers appear in a listbox, Up/Down move, Enter chooses, Escape closes. Choosing fills the box with
 * the answer's "value" (its "Name, ST" label, or its id when that label names several places). */
(function () {
  "use strict";
  var script = document.currentScript;
  var SUGGEST_URL = (script && script.getAttribute("data-suggest-url")) || "/jurisdictions/suggest.json";
  var MIN_CHARS = 2;
  var DELAY_MS = 150;

  function enhance(input) {
    if (!input || input.getAttribute("data-autocomplete") === "on") { return; }
    input.setAttribute("data-autocomplete", "on");
    var listId = input.id + "-listbox";
    var wrapper = document.createElement("div");
    wrapper.className = "autocomplete";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete__list";
    list.setAttribute("role", "listbox");
    var label = document.querySelector('label[for="' + input.id + '"]');
    if (label) {
      if (!label.id) { label.id = input.id + "-label"; }
      list.setAttribute("aria-labelledby", label.id);
    }
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");
    var help = document.getElementById(input.id + "-help");
    if (help && !input.getAttribute("aria-describedby")) { input.setAttribute("aria-describedby", help.id); }

    var answers = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll('[role="option"]');
      Array.prototype.forEach.call(options, function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var answer = answers[index];
      if (!answer) { return; }
      input.value = answer.value || answer.id;
      close();
      status.textContent = answer.label + " chosen";
    }

    function render(items) {
      answers = items;
      while (list.firstChild) { list.removeChild(list.firstChild); }
      items.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "autocomplete__option";
        var name = document.createElement("span");
        name.textContent = item.label;  // text, never HTML
        var kind = document.createElement("span");
        kind.className = "autocomplete__kind";
        kind.textContent = item.kind;
        option.appendChild(name);
        option.appendChild(document.createTextNode(" "));
        option.appendChild(kind);
        // mousedown, not click: it fires before the input's blur closes the list.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      status.textContent = items.length ? items.length + " suggestion" + (items.length === 1 ? "" : "s") + "; use the arrow keys" : "No suggestions";
    }

    function ask(text) {
      var ticket = ++latest;
      fetch(SUGGEST_URL + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (items) { if (ticket === latest) { render(Array.isArray(items) ? items : []); } })
        .catch(function () { if (ticket === latest) { close(); } });  // the plain text box still works
    }

    input.addEventListener("input", function () {
      var text = input.value.trim();
      window.clearTimeout(timer);
      if (text.length < MIN_CHARS || text.indexOf(":") !== -1) {  // an id is typed, nothing to suggest
        latest++;
        close();
        return;
      }
      timer = window.setTimeout(function () { ask(text); }, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && answers.length > 0;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) {
          if (answers.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); highlight(0); }
          return;
        }
        highlight(active + 1 >= answers.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        if (!open) { return; }
        event.preventDefault();
        highlight(active <= 0 ? answers.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();  // choose, don't submit yet: a second Enter submits the form
          choose(active);
        }
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); }
      }
    });

    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  }

  function init() { enhance(document.getElementById("id_jurisdiction")); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
