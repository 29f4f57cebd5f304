// The workspace's own small script, served from the binary (no CDN, no build step). Every page
// works without it; it adds the search palette (Ctrl+K), keyboard shortcuts, the character
// counter, the copy button and live updates. It builds elements with textContent, never HTML
// from data.

enum Script {
    static let javaScript = #"""
    "use strict";
    (function () {
      function counter(area) {
        var max = parseInt(area.getAttribute("maxlength") || "250", 10);
        var out = area.id ? document.getElementById(area.id + "-count") : null;
        if (!out) { out = document.createElement("p"); out.className = "counter muted"; out.setAttribute("aria-live", "polite"); area.insertAdjacentElement("afterend", out); }
        function update() { out.textContent = area.value.length + " / " + max; }
        area.addEventListener("input", update); update();
      }
      function copyButton(button) {
        button.addEventListener("click", function () {
          var source = document.getElementById(button.getAttribute("data-copy"));
          if (!source || !navigator.clipboard) return;
          navigator.clipboard.writeText(source.textContent).then(function () {
            var label = button.textContent; button.textContent = button.getAttribute("data-copied") || label;
            setTimeout(function () { button.textContent = label; }, 1500);
          });
        });
      }
      function palette(input) {
        var list = document.getElementById("palette");
        if (!list) return;
        var timer = null, controller = null, selected = -1, items = [];
        input.setAttribute("role", "combobox"); input.setAttribute("aria-controls", "palette"); input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-autocomplete", "list");
        function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); selected = -1; }
        function select(index) {
          items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
          selected = index;
          if (index >= 0 && items[index]) input.setAttribute("aria-activedescendant", items[index].id); else input.removeAttribute("aria-activedescendant");
        }
        function show(hits) {
          list.textContent = ""; items = [];
          hits.forEach(function (hit, i) {
            var li = document.createElement("li"); li.id = "palette-" + i; li.setAttribute("role", "option");
            var a = document.createElement("a"); a.href = hit.href; a.tabIndex = -1;
            var title = document.createElement("strong"); title.textContent = hit.title; a.appendChild(title);
            if (hit.detail) { var detail = document.createElement("span"); detail.className = "muted"; detail.textContent = " · " + hit.detail; a.appendChild(detail); }
            li.appendChild(a); list.appendChild(li); items.push(li);
          });
          list.hidden = hits.length === 0; input.setAttribute("aria-expanded", hits.length ? "true" : "false"); select(hits.length ? 0 : -1);
        }
        input.addEventListener("input", function () {
          clearTimeout(timer);
          var q = input.value.trim();
          if (q.length < 2) { close(); return; }
          timer = setTimeout(function () {
            if (controller) controller.abort();
            controller = new AbortController();
            fetch("/api/v1/search?q=" + encodeURIComponent(q), { signal: controller.signal, credentials: "same-origin", headers: { "Accept": "application/json" } })
              .then(function (r) { return r.ok ? r.json() : { hits: [] }; })
              .then(function (body) { show(body.hits || []); })
              .catch(function () {});
          }, 120);
        });
        input.addEventListener("keydown", function (e) {
          if (list.hidden) return;
          if (e.key === "ArrowDown") { e.preventDefault(); select(Math.min(selected + 1, items.length - 1)); }
          else if (e.key === "ArrowUp") { e.preventDefault(); select(Math.max(selected - 1, 0)); }
          else if (e.key === "Enter" && selected >= 0) { e.preventDefault(); window.location.href = items[selected].querySelector("a").href; }
          else if (e.key === "Escape") { close(); }
        });
        input.addEventListener("blur", function () { setTimeout(close, 200); });
      }
      function shortcuts() {
        var pending = null;
        document.addEventListener("keydown", function (e) {
          var search = document.getElementById("search-box");
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") { if (search) { e.preventDefault(); search.focus(); search.select(); } return; }
          var tag = (e.target.tagName || "").toLowerCase();
          if (tag === "input" || tag === "textarea" || tag === "select" || e.ctrlKey || e.metaKey || e.altKey) return;
          if (e.key === "/" && search) { e.preventDefault(); search.focus(); return; }
          if (pending === "g") {
            pending = null;
            if (e.key === "d") window.location.href = "/day";
            else if (e.key === "f") window.location.href = "/firms";
            return;
          }
          if (e.key === "g") { pending = "g"; setTimeout(function () { pending = null; }, 1000); return; }
          if (e.key === "n") { var text = document.getElementById("log-text"); if (text) { e.preventDefault(); text.focus(); } }
        });
      }
      // Live updates: the server says when the watched part changed; the page is fetched again
      // and the part swapped in, unless the user is working in it (a field focused, a form
      // open), when a button offers the new state instead. Nothing is built from data here:
      // the new part is the server's own escaped HTML, moved over from the fetched page.
      function live(region) {
        var scope = region.getAttribute("data-live");
        if (!scope || !window.EventSource || !window.DOMParser) return;
        var status = document.getElementById("live-status");
        var offer = null, loading = false;
        function busy() {
          var active = document.activeElement;
          return (active && active !== document.body && region.contains(active)) || region.querySelector("details[open]") !== null;
        }
        function swap() {
          if (loading) return;
          loading = true;
          fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
            .then(function (r) { return r.ok ? r.text() : null; })
            .then(function (html) {
              loading = false;
              if (html === null) return;
              var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(region.id);
              if (!fresh) return;
              region.replaceChildren.apply(region, Array.prototype.slice.call(fresh.childNodes));
              region.setAttribute("data-live-version", fresh.getAttribute("data-live-version") || "");
              region.querySelectorAll("textarea[data-counter]").forEach(counter);
              if (offer) { offer.remove(); offer = null; }
              if (status) status.textContent = status.getAttribute("data-live-updated") || "";
            })
            .catch(function () { loading = false; });
        }
        function changed() {
          if (!busy()) { swap(); return; }
          if (offer) return;
          offer = document.createElement("button");
          offer.type = "button"; offer.className = "live-offer";
          offer.textContent = region.getAttribute("data-live-show") || "";
          offer.addEventListener("click", swap);
          region.insertAdjacentElement("beforebegin", offer);
        }
        var source = new EventSource("/live?scope=" + encodeURIComponent(scope) + "&since=" + encodeURIComponent(region.getAttribute("data-live-version") || ""));
        source.addEventListener("change", changed);
        window.addEventListener("pagehide", function () { source.close(); });
      }
      // A campaign's progress: the server pushes its figures (from the journal, whoever sends);
      // they are written with textContent. When a run ends the page is loaded again, for the
      // recipients and the buttons that now apply.
      function progress(section) {
        var url = section.getAttribute("data-progress");
        if (!url || !window.EventSource) return;
        var bar = document.getElementById("progress-bar");
        var pause = document.querySelector("form[data-pause]");
        var wasRunning = null;
        var source = new EventSource(url);
        source.addEventListener("progress", function (e) {
          var p;
          try { p = JSON.parse(e.data); } catch (x) { return; }
          section.querySelectorAll("[data-field]").forEach(function (el) {
            var key = el.getAttribute("data-field");
            if (Object.prototype.hasOwnProperty.call(p, key) && el.textContent !== p[key]) el.textContent = p[key];
          });
          if (bar) { bar.max = parseInt(p.total, 10) || 1; bar.value = parseInt(p.done, 10) || 0; bar.textContent = p.done + " / " + p.total; }
          if (pause) pause.hidden = !(p.running && p.state === "sending");
          if (wasRunning === true && !p.running) { source.close(); window.location.reload(); return; }
          wasRunning = p.running;
        });
        window.addEventListener("pagehide", function () { source.close(); });
      }
      // The segment editor: the expression coloured as typed (spans from the server's lexer,
      // drawn with textContent), its error with the checker's sentence, the live count and the
      // first matches — each keystroke after a pause aborts the previous check — and
      // completion of field names, keywords and code-list values.
      function fold(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
      function segmentEditor(area) {
        var form = area.form, box = area.parentNode;
        var highlight = document.getElementById("segment-highlight"), errorBox = document.getElementById("segment-error");
        var count = document.getElementById("segment-count"), matches = document.getElementById("segment-matches");
        var sql = document.getElementById("segment-sql"), list = document.getElementById("segment-completion");
        var mirror = document.querySelector("input[data-mirror]"), mirrorTarget = document.querySelector("input[data-mirror-target]");
        var timer = null, controller = null, vocabulary = null, items = [], selected = -1;
        box.classList.add("enhanced");
        function target() { var r = form.querySelector("input[name=target]:checked"); return r ? r.value : "person"; }
        function paint(text, spans, error) {
          highlight.textContent = "";
          var pos = 0;
          spans.forEach(function (s) {
            if (s[0] < pos) return;
            if (s[0] > pos) highlight.appendChild(document.createTextNode(text.slice(pos, s[0])));
            var span = document.createElement("span");
            span.className = "syn-" + s[2];
            if (error && error.start !== null && s[0] < error.end && s[1] > error.start) span.className += " syn-bad";
            span.textContent = text.slice(s[0], s[1]);
            highlight.appendChild(span);
            pos = s[1];
          });
          highlight.appendChild(document.createTextNode(text.slice(pos) + " "));
          highlight.scrollTop = area.scrollTop;
        }
        function showMatches(found) {
          matches.textContent = "";
          (found || []).forEach(function (m) {
            var li = document.createElement("li"), a = document.createElement("a");
            a.href = m.href; a.textContent = m.title; li.appendChild(a);
            if (m.detail) { var d = document.createElement("span"); d.className = "muted"; d.textContent = " " + m.detail; li.appendChild(d); }
            matches.appendChild(li);
          });
        }
        function check() {
          if (controller) controller.abort();
          var text = area.value;
          if (mirror) mirror.value = text;
          if (mirrorTarget) mirrorTarget.value = target();
          if (!text.trim()) { paint(text, [], null); errorBox.hidden = true; count.textContent = "—"; showMatches([]); return; }
          controller = new AbortController();
          count.setAttribute("aria-busy", "true");
          fetch("/segments/check?expression=" + encodeURIComponent(text) + "&target=" + encodeURIComponent(target()),
                { signal: controller.signal, credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (body) {
              count.removeAttribute("aria-busy");
              if (!body || area.value !== text) return;
              paint(text, body.spans || [], body.error);
              if (body.error) {
                errorBox.textContent = body.error.message; errorBox.hidden = false;
                if (body.error.timedOut) area.removeAttribute("aria-invalid"); else area.setAttribute("aria-invalid", "true");
                count.textContent = "—"; showMatches([]);
              } else {
                errorBox.hidden = true; errorBox.textContent = ""; area.removeAttribute("aria-invalid");
                count.textContent = body.countText; showMatches(body.matches);
              }
              if (sql) sql.textContent = body.sql || "";
            })
            .catch(function () {});
        }
        function closeList() { list.hidden = true; items = []; selected = -1; area.removeAttribute("aria-activedescendant"); }
        function choose(index) {
          items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
          selected = index;
          if (index >= 0) area.setAttribute("aria-activedescendant", items[index].id); else area.removeAttribute("aria-activedescendant");
        }
        function accept(index) {
          var word = currentWord(), value = items[index].getAttribute("data-value");
          var start = area.selectionStart - word.length;
          area.value = area.value.slice(0, start) + value + " " + area.value.slice(area.selectionStart);
          area.selectionStart = area.selectionEnd = start + value.length + 1;
          closeList(); check();
        }
        function currentWord() {
          var before = area.value.slice(0, area.selectionStart), m = before.match(/[\p{L}\p{N}_.\-]*$/u);
          return m ? m[0] : "";
        }
        function suggestions() {
          if (!vocabulary) return [];
          var word = currentWord(), before = area.value.slice(0, area.selectionStart - word.length), key = fold(word), found = [];
          var compared = before.match(/([\p{L}\p{N}_.]+)\s*(=|!=|<>|\bin\s*\(|,)\s*$/u);
          var field = compared && vocabulary.fields.find(function (f) { return fold(f.name) === fold(compared[1]); });
          if (field && field.list && vocabulary.values[field.list]) {
            vocabulary.values[field.list].forEach(function (v) {
              if (!key || fold(v.code).indexOf(key) === 0 || fold(v.label).indexOf(key) === 0) found.push({ value: v.code, label: v.code + " · " + v.label });
            });
          } else if (word.length > 0) {
            vocabulary.fields.forEach(function (f) { if (fold(f.name).indexOf(key) === 0) found.push({ value: f.name, label: f.name + " · " + f.holds }); });
            vocabulary.keywords.forEach(function (k) { if (k.indexOf(key) === 0 && k !== key) found.push({ value: k, label: k }); });
          }
          return found.slice(0, 12);
        }
        function complete() {
          var found = suggestions();
          list.textContent = ""; items = [];
          found.forEach(function (s, i) {
            var li = document.createElement("li");
            li.id = "segment-completion-" + i; li.setAttribute("role", "option"); li.setAttribute("data-value", s.value);
            li.textContent = s.label;
            li.addEventListener("mousedown", function (e) { e.preventDefault(); accept(i); });
            list.appendChild(li); items.push(li);
          });
          list.hidden = found.length === 0;
          choose(found.length ? 0 : -1);
        }
        function loadVocabulary() {
          fetch("/segments/vocabulary?target=" + encodeURIComponent(target()), { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (r) { return r.ok ? r.json() : null; }).then(function (body) { vocabulary = body; }).catch(function () {});
        }
        area.addEventListener("input", function () {
          paint(area.value, [], null);
          complete();
          clearTimeout(timer); timer = setTimeout(check, 250);
        });
        area.addEventListener("keydown", function (e) {
          if (list.hidden) return;
          if (e.key === "ArrowDown") { e.preventDefault(); choose(Math.min(selected + 1, items.length - 1)); }
          else if (e.key === "ArrowUp") { e.preventDefault(); choose(Math.max(selected - 1, 0)); }
          else if ((e.key === "Tab" || e.key === "Enter") && selected >= 0) { e.preventDefault(); accept(selected); }
          else if (e.key === "Escape") { closeList(); }
        });
        area.addEventListener("blur", function () { setTimeout(closeList, 200); });
        area.addEventListener("scroll", function () { highlight.scrollTop = area.scrollTop; });
        form.querySelectorAll("input[name=target]").forEach(function (r) { r.addEventListener("change", function () { loadVocabulary(); check(); }); });
        loadVocabulary();
        check();
      }
      document.addEventListener("DOMContentLoaded", function () {
        var editor = document.querySelector("textarea[data-segment-editor]"); if (editor) segmentEditor(editor);
        var running = document.querySelector("section[data-progress]"); if (running) progress(running);
        var region = document.getElementById("live-region"); if (region) live(region);
        document.querySelectorAll("textarea[data-counter]").forEach(counter);
        document.querySelectorAll("button[data-copy]").forEach(copyButton);
        var search = document.querySelector("input[data-palette]"); if (search) palette(search);
        shortcuts();
      });
    })();
    """#
}
