// The reader: click a highlight to see what it is; toggle layers. Text is inserted with
// textContent only: nothing from an article is ever parsed as HTML.
(function () {
  "use strict";
  var details = JSON.parse(document.getElementById("details").textContent);
  var panel = document.getElementById("detail");
  var LABELS = { actor: "Actor", statement: "Statement", event: "Event", date: "Date",
                 place: "Place", loaded_term: "Loaded term", editorial: "Editorial", hedge: "Hedge" };

  function row(dl, key, value) {
    if (value === null || value === undefined || value === "" ||
        (Array.isArray(value) && value.length === 0)) { return; }
    var dt = document.createElement("dt"); dt.textContent = key;
    var dd = document.createElement("dd");
    dd.textContent = Array.isArray(value) ? value.join(", ") : String(value);
    dl.appendChild(dt); dl.appendChild(dd);
  }

  function show(ids) {
    panel.replaceChildren();
    var h = document.createElement("h2"); h.textContent = "Details"; panel.appendChild(h);
    ids.forEach(function (id) {
      var d = details[id]; if (!d) { return; }
      var h3 = document.createElement("h3"); h3.textContent = (LABELS[d.kind] || d.kind) + " " + id;
      var dl = document.createElement("dl");
      Object.keys(d).forEach(function (k) { if (k !== "kind" && k !== "key") { row(dl, k, d[k]); } });
      panel.appendChild(h3); panel.appendChild(dl);
      if (d.kind === "actor" && d.key) {
        var a = document.createElement("a"); a.href = "/ui/actors/" + encodeURI(d.key);
        a.textContent = "Open actor page →"; a.className = "actor-page"; panel.appendChild(a);
      }
    });
  }

  document.addEventListener("click", function (ev) {
    var el = ev.target.closest("[data-refs]");
    if (!el) { return; }
    document.querySelectorAll(".selected").forEach(function (x) { x.classList.remove("selected"); });
    var ids = el.getAttribute("data-refs").split(" ");
    document.querySelectorAll("[data-refs]").forEach(function (x) {
      var refs = x.getAttribute("data-refs").split(" ");
      if (refs.some(function (r) { return ids.indexOf(r) >= 0; })) { x.classList.add("selected"); }
    });
    show(ids);
  });

  document.querySelectorAll("input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("no-" + box.getAttribute("data-layer"), !box.checked);
    });
  });
})();
