// Warta's review controls: buttons on facts and entities, and the /review page's keys
// (j/k move, c confirm, x reject).  Writes go to /api/review/... with the API token,
// asked once and kept for the browser tab (sessionStorage).  No library, no network but the API.
(function () {
  "use strict";
  var KEY = "warta-token";
  function token() {
    var f = document.getElementById("token");
    if (f && f.value) { sessionStorage.setItem(KEY, f.value); }
    var t = sessionStorage.getItem(KEY);
    if (!t) { t = window.prompt("API token (WARTA_API_TOKEN)"); if (t) { sessionStorage.setItem(KEY, t); } }
    return t || "";
  }
  function say(msg, bad) {
    var s = document.getElementById("review-status");
    if (s) { s.textContent = msg; s.className = bad ? "bad" : "ok"; }
  }
  function post(path, body) {
    return fetch(path, {method: "POST", headers: {"Content-Type": "application/json", "Authorization": "Bearer " + token()},
                        body: JSON.stringify(body || {})}).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (d) {
        if (!r.ok) {
          if (r.status === 401) { sessionStorage.removeItem(KEY); }
          var msg = (d && d.error && d.error.message) || r.statusText;
          say("refused: " + msg, true);
          throw new Error(msg);
        }
        return d;
      });
    });
  }
  var api = {
    confirmFact: function (id) { return post("/api/review/facts/" + encodeURIComponent(id) + "/confirm"); },
    rejectFact: function (id, reason) { return post("/api/review/facts/" + encodeURIComponent(id) + "/reject", {reason: reason}); },
    entity: function (name, action, body) { return post("/api/review/entities/" + encodeURIComponent(name) + "/" + action, body); }
  };
  window.wartaReview = api;

  function mark(el, state) {
    el.dataset.review = state;
    el.classList.add("rv-" + state);
    var st = el.querySelector(".q-state");
    if (st) { st.textContent = state; }
  }
  var ASK = {rename: ["name", "New name"], merge: ["into", "Merge into which entity?"],
             type: ["type", "Type: ORG, PERSON, PLACE or PRODUCT"], parent: ["parent", "Parent organisation"],
             "not-entity": ["reason", "Why is this not an entity?"]};
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-act]");
    if (!b) { return; }
    var row = b.closest("[data-row]") || b.parentElement;
    if (b.dataset.fact) {
      if (b.dataset.act === "confirm") {
        api.confirmFact(b.dataset.fact).then(function () { mark(row, "confirmed"); say("confirmed"); }, function () {});
      } else {
        var why = window.prompt("Why is this fact wrong?");
        if (!why) { return; }
        api.rejectFact(b.dataset.fact, why).then(function () { mark(row, "rejected"); say("rejected"); }, function () {});
      }
      return;
    }
    var act = b.dataset.act, body = {};
    if (ASK[act]) {
      var v = window.prompt(ASK[act][1]);
      if (v === null || (v === "" && act !== "parent")) { return; }
      body[ASK[act][0]] = v;
    }
    api.entity(b.dataset.entity, act, body).then(function () { say(act + " recorded: reload to see it"); }, function () {});
  });

  var list = document.getElementById("queue");
  if (!list) { return; }
  var items = Array.prototype.slice.call(list.querySelectorAll(".q-item")), cur = 0;
  function show() {
    items.forEach(function (it, i) { it.classList.toggle("current", i === cur); });
    if (items[cur]) { items[cur].scrollIntoView({block: "nearest"}); }
  }
  function decide(confirm) {
    var it = items[cur];
    if (!it || it.dataset.review) { return; }
    var reasonField = document.getElementById("reason"), reason = reasonField.value.trim();
    if (!confirm && !reason) { say("write the reason first, then press x", true); reasonField.focus(); return; }
    var done;
    if (it.dataset.kind === "fact") {
      done = confirm ? api.confirmFact(it.dataset.id) : api.rejectFact(it.dataset.id, reason);
    } else {
      done = api.entity(it.dataset.id, confirm ? "confirm" : "not-entity", confirm ? {} : {reason: reason});
    }
    done.then(function () {
      var state = confirm ? "confirmed" : "rejected";
      mark(it, state);
      say(state + ": " + it.dataset.id);
      if (cur < items.length - 1) { cur += 1; show(); }
    }, function () {});
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.target.matches("input, textarea, select") || ev.ctrlKey || ev.metaKey || ev.altKey) {
      if (ev.key === "Escape") { ev.target.blur(); }
      return;
    }
    if (ev.key === "j") { cur = Math.min(cur + 1, items.length - 1); show(); }
    else if (ev.key === "k") { cur = Math.max(cur - 1, 0); show(); }
    else if (ev.key === "c") { decide(true); }
    else if (ev.key === "x") { decide(false); }
    else { return; }
    ev.preventDefault();
  });
  show();
})();
