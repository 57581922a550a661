/* namenorm review page: list the proposal queue and accept or reject proposals through
 * GET /v1/proposals, POST /v1/proposals/accept and /v1/proposals/reject, with the admin
 * token as a bearer token (kept for this tab only, in sessionStorage). */
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var KEY = "namenorm.review.token";
  var kinds = JSON.parse($("kinds").textContent);
  var message = $("review-message");
  var queued = [];

  function say(text, ok) {
    message.textContent = text;
    message.className = ok ? "message ok" : "message";
    message.hidden = !text;
  }

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function token() { return sessionStorage.getItem(KEY) || ""; }

  function api(method, url, body) {
    var init = { method: method, headers: { "Accept": "application/json", "Authorization": "Bearer " + token() } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (response.ok) { return data; }
        var error = new Error(response.status === 401 ? "The admin token is wrong." :
          (data && data.error && data.error.message) || "The service answered with HTTP " + response.status + ".");
        error.problems = data && data.error && data.error.problems;
        throw error;
      });
    }, function () {
      throw new Error("The namenorm service did not answer: it may be down or unreachable.");
    });
  }

  function load() {
    return api("GET", "/v1/proposals").then(function (data) {
      queued = data.proposals;
      render();
      $("queue-section").hidden = false;
    }, function (error) { say(error.message); });
  }

  function render() {
    var body = $("queue").querySelector("tbody");
    body.textContent = "";
    $("queue-summary").textContent = queued.length === 1 ? "1 proposal waits for review." :
      queued.length + " proposals wait for review.";
    queued.forEach(function (p, i) {
      var tr = el("tr");
      tr.setAttribute("data-proposal", p.proposal);
      var pick = el("input");
      pick.type = "checkbox";
      pick.className = "pick";
      pick.id = "pick-" + i;
      pick.setAttribute("aria-label", "Pick " + p.name);
      var cell = el("td");
      cell.appendChild(pick);
      tr.appendChild(cell);
      var name = el("td");
      var label = el("label", p.name);
      label.setAttribute("for", pick.id);
      name.appendChild(label);
      tr.appendChild(name);
      var idCell = el("td");
      var id = el("input");
      id.type = "text";
      id.className = "assign-id";
      id.value = p.id;
      id.setAttribute("aria-label", "Entity ID for " + p.name);
      idCell.appendChild(id);
      tr.appendChild(idCell);
      var kindCell = el("td");
      var kind = el("select");
      kind.className = "assign-kind";
      kind.setAttribute("aria-label", "Kind for " + p.name);
      [""].concat(kinds).forEach(function (k) {
        var option = el("option", k || "(choose)");
        option.value = k;
        option.selected = k === p.kind;
        kind.appendChild(option);
      });
      kindCell.appendChild(kind);
      tr.appendChild(kindCell);
      tr.appendChild(el("td", p.lang || "(from the script)"));
      tr.appendChild(el("td", p.preferred ? "yes" : "no"));
      tr.appendChild(el("td", p.context));
      tr.appendChild(el("td", p.source + ", " + p.submitted));
      body.appendChild(tr);
    });
  }

  function picked() {
    return Array.prototype.filter.call(document.querySelectorAll("#queue tbody tr"), function (tr) {
      return tr.querySelector(".pick").checked;
    });
  }

  function showProblems(problems) {
    var list = $("problems");
    list.textContent = "";
    (problems || []).forEach(function (p) { list.appendChild(el("li", "line " + p.line + ", " + p.field + ": " + p.message)); });
  }

  $("token-form").addEventListener("submit", function (event) {
    event.preventDefault();
    sessionStorage.setItem(KEY, $("token").value);
    say("");
    load();
  });

  $("accept").addEventListener("click", function () {
    var rows = picked();
    if (!rows.length) { say("Pick at least one proposal first."); return; }
    var assign = {};
    var ids = rows.map(function (tr) {
      var pid = tr.getAttribute("data-proposal");
      assign[pid] = { id: tr.querySelector(".assign-id").value, kind: tr.querySelector(".assign-kind").value };
      return pid;
    });
    showProblems([]);
    api("POST", "/v1/proposals/accept", { proposals: ids, assign: assign }).then(function (data) {
      say("Added " + data.added.length + " spelling(s) to the registry" +
        (data.present.length ? " (" + data.present.length + " it already had)" : "") +
        "; the service now serves " + data.registry_size + " entities.", true);
      return load();
    }, function (error) { say(error.message); showProblems(error.problems); });
  });

  $("reject").addEventListener("click", function () {
    var rows = picked();
    if (!rows.length) { say("Pick at least one proposal first."); return; }
    var ids = rows.map(function (tr) { return tr.getAttribute("data-proposal"); });
    api("POST", "/v1/proposals/reject", { proposals: ids }).then(function (data) {
      say("Dropped " + data.rejected.length + " proposal(s).", true);
      return load();
    }, function (error) { say(error.message); });
  });

  if (token()) { $("token").value = token(); load(); }
}());
