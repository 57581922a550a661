/* namenorm editor page: review the name changes the JSON API proposes for a piece of copy.
 *
 * The server decides everything (POST /v1/annotate, GET /v1/lookup, GET /v1/entities/ID,
 * POST /v1/proposals); this script only shows it, records the editor's decisions and
 * applies the accepted changes by offset. Plain JavaScript, no build step. */
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var STORE = "namenorm.editor.";
  var EXTENSIONS = { txt: "text", text: "text", md: "markdown", markdown: "markdown", html: "html", htm: "html" };
  var MIME = { text: "text/plain", markdown: "text/markdown", html: "text/html" };
  var SUFFIX = { text: ".txt", markdown: ".md", html: ".html" };

  var form = $("copy-form");
  var copy = $("copy");
  var langSelect = $("lang");
  var formatSelect = $("format");
  var message = $("message");
  var annotated = $("annotated");
  var detail = $("detail");
  var summary = $("summary");
  var resultBox = $("result");
  var maxBody = parseInt(form.getAttribute("data-max-body"), 10) || 1048576;

  var state = {
    file: null,          // {name, text, shown}: a file as read, kept byte-exact until edited
    source: "",          // the copy the changes refer to
    lang: "en",
    format: "text",
    changes: [],         // from the API, with s16/e16 (offsets in this script's strings)
    entities: {},
    decision: [],        // per change: {state: "open"|"accepted"|"rejected", option: index}
    nodes: [],           // per change: its button in the annotated copy
    blocks: [],          // lines of the copy (split outside changes): {start, end, first, last}
    blockOf: [],         // per change: its block
    resultBlocks: [],    // per block: its element in the result
    dirty: {},           // blocks whose result text is out of date
    current: -1,
    counts: { accepted: 0, rejected: 0, open: 0 }
  };

  // -- messages ---------------------------------------------------------------------------
  function say(text, ok) {
    message.textContent = text;
    message.className = ok ? "message ok" : "message";
    message.hidden = !text;
  }

  function plain(status, body) {
    var detailText = body && body.error && body.error.message;
    if (status === 413) {
      return "The copy is too long for the service (at most " + Math.floor(maxBody / 1024) +
        " KB in one go). Split it into parts and check each part. Your copy is kept here.";
    }
    if (status === 401) { return "The admin token is missing or wrong."; }
    if (status === 409) { return "The review queue is full; ask a reviewer to go through it first."; }
    if (status >= 500) {
      return "The service failed on this request (HTTP " + status + "). Your copy is kept here; try again or tell whoever runs the service.";
    }
    if (detailText) { return "The service could not use this: " + detailText + "."; }
    return "The service answered with an error (HTTP " + status + ").";
  }

  function api(method, url, body) {
    var init = { method: method, headers: { "Accept": "application/json" } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (!response.ok) { throw new Error(plain(response.status, data)); }
        return data;
      });
    }, function () {
      throw new Error("The namenorm service did not answer: it may be down or unreachable. " +
        "Your copy is kept in this page and in this browser; try again in a moment.");
    });
  }

  // -- keeping the copy -------------------------------------------------------------------
  function remember() {
    try {
      localStorage.setItem(STORE + "copy", copy.value);
      localStorage.setItem(STORE + "lang", langSelect.value);
      localStorage.setItem(STORE + "format", formatSelect.value);
    } catch (e) { /* storage full or off: the copy stays in the page */ }
  }

  function restore() {
    try {
      var kept = localStorage.getItem(STORE + "copy");
      if (!copy.value && kept) {
        copy.value = kept;
        langSelect.value = localStorage.getItem(STORE + "lang") || langSelect.value;
        formatSelect.value = localStorage.getItem(STORE + "format") || formatSelect.value;
        say("Your last copy was restored from this browser.", true);
      }
    } catch (e) { /* no storage */ }
  }

  var saveTimer = null;
  copy.addEventListener("input", function () {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(remember, 250);
  });
  langSelect.addEventListener("change", remember);
  formatSelect.addEventListener("change", remember);

  // -- opening files ----------------------------------------------------------------------
  function openFile(file) {
    var ext = (file.name.split(".").pop() || "").toLowerCase();
    var fmt = file.name.indexOf(".") >= 0 ? EXTENSIONS[ext] : undefined;
    if (!fmt) {
      say("Only .txt, .md and .html files can be opened; " + JSON.stringify(file.name) +
        " is not one of them. Nothing was changed in the page.");
      return;
    }
    if (file.size > maxBody) {
      say("The file " + JSON.stringify(file.name) + " is " + Math.round(file.size / 1024) +
        " KB; the service takes at most " + Math.floor(maxBody / 1024) + " KB in one go.");
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var text = String(reader.result);
      if (text.indexOf("\u0000") >= 0 || text.indexOf("\uFFFD") >= 0) {
        say("The file " + JSON.stringify(file.name) + " is not UTF-8 text; save it as UTF-8 and open it again.");
        return;
      }
      copy.value = text;
      state.file = { name: file.name, text: text, shown: copy.value };
      formatSelect.value = fmt;
      remember();
      say("Opened " + file.name + ".", true);
    };
    reader.onerror = function () { say("The file " + JSON.stringify(file.name) + " could not be read."); };
    reader.readAsText(file, "utf-8");
  }

  $("file").addEventListener("change", function (event) {
    if (event.target.files.length) { openFile(event.target.files[0]); }
  });
  copy.addEventListener("dragover", function (event) {
    if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
      event.preventDefault();
      copy.classList.add("dragging");
    }
  });
  copy.addEventListener("dragleave", function () { copy.classList.remove("dragging"); });
  copy.addEventListener("drop", function (event) {
    copy.classList.remove("dragging");
    if (event.dataTransfer && event.dataTransfer.files.length) {
      event.preventDefault();
      openFile(event.dataTransfer.files[0]);
    }
  });

  // -- offsets: the API counts code points, JavaScript strings count UTF-16 units -----------
  function utf16Offsets(text) {
    if (!/[\uD800-\uDBFF]/.test(text)) { return null; }
    var map = [];
    var cp = 0;
    for (var i = 0; i < text.length; i++) {
      map[cp++] = i;
      var c = text.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length) { i++; }
    }
    map[cp] = text.length;
    return map;
  }

  // -- checking -----------------------------------------------------------------------------
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = state.file && copy.value === state.file.shown ? state.file.text : copy.value;
    if (!text.trim()) {
      say("There is no copy to check yet: paste some text or open a file.");
      copy.focus();
      return;
    }
    var size = new Blob([JSON.stringify({ text: text })]).size;
    if (size > maxBody) {
      say("The copy is too long for the service (" + Math.round(size / 1024) + " KB; at most " +
        Math.floor(maxBody / 1024) + " KB in one go). Split it into parts and check each part. Your copy is kept here.");
      return;
    }
    remember();
    say("");
    form.removeAttribute("data-check-ms");
    $("busy").hidden = false;
    $("check").disabled = true;
    var lang = langSelect.value;
    var fmt = formatSelect.value;
    var started = performance.now();
    api("POST", "/v1/annotate", { text: text, lang: lang, format: fmt }).then(function (data) {
      load(text, lang, fmt, data);
      // How long the check took, to the first frame drawn (read by bench/editor.py).
      requestAnimationFrame(function () {
        form.setAttribute("data-check-ms", String(Math.round(performance.now() - started)));
      });
    }, function (error) {
      say(error.message);
    }).then(function () {
      $("busy").hidden = true;
      $("check").disabled = false;
    });
  });

  function load(text, lang, fmt, data) {
    var map = utf16Offsets(text);
    state.source = text;
    state.lang = lang;
    state.format = fmt;
    state.entities = data.entities;
    state.changes = data.changes.map(function (c) {
      c.s16 = map ? map[c.start] : c.start;
      c.e16 = map ? map[c.end] : c.end;
      return c;
    });
    state.decision = state.changes.map(function () { return { state: "open", option: -1 }; });
    state.counts = { accepted: 0, rejected: 0, open: state.changes.length };
    state.current = -1;
    render();
    renderUnknown(data.unknown, map);
    $("review").hidden = false;
    ["accept-all", "copy-result", "download"].forEach(function (id) { $(id).hidden = false; });
    document.body.classList.add("reviewing");
    if (state.changes.length) {
      select(0, false);
    } else {
      detail.textContent = "No changes: every name the registry knows is already in house style.";
    }
    update();
  }

  // The copy is drawn as one block per line (a line break inside a change does not
  // split it), in the annotated view and in the result alike: a decision redraws
  // one block of the result, and blocks off screen are skipped by the browser
  // (content-visibility), so 2,000 changes stay quick.
  function split() {
    var text = state.source;
    var blocks = [];
    var start = 0;
    var k = 0;
    var n = state.changes.length;
    var from = 0;
    while (true) {
      var nl = text.indexOf("\n", from);
      while (k < n && state.changes[k].e16 <= (nl < 0 ? text.length : nl)) { k++; }
      if (nl >= 0 && k < n && state.changes[k].s16 <= nl) { from = state.changes[k].e16; continue; }
      var end = nl < 0 ? text.length : nl + 1;
      blocks.push({ start: start, end: end });
      if (nl < 0) { break; }
      start = from = end;
    }
    var blockOf = [];
    var b = 0;
    state.changes.forEach(function (change, i) {
      while (blocks[b].end <= change.s16) { b++; }
      blockOf[i] = b;
    });
    blocks.forEach(function (block) { block.first = state.changes.length; });
    for (var j = blockOf.length - 1; j >= 0; j--) { blocks[blockOf[j]].first = j; }
    state.blocks = blocks;
    state.blockOf = blockOf;
  }

  function render() {
    var text = state.source;
    split();
    var fragment = document.createDocumentFragment();
    var results = document.createDocumentFragment();
    var i = 0;
    state.nodes = [];
    state.resultBlocks = state.blocks.map(function (block, b) {
      var line = el("div", "line");
      var position = block.start;
      while (i < state.changes.length && state.blockOf[i] === b) {
        var change = state.changes[i];
        if (change.s16 > position) { line.appendChild(document.createTextNode(text.slice(position, change.s16))); }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "chg " + change.status + " open";
        button.id = "chg-" + i;
        button.tabIndex = -1;
        button.setAttribute("data-i", i);
        var del = document.createElement("del");
        del.textContent = text.slice(change.s16, change.e16);
        var ins = document.createElement("ins");
        ins.textContent = change.status === "ambiguous" ? "" : change.options[0].replacement;
        button.appendChild(del);
        button.appendChild(ins);
        line.appendChild(button);
        state.nodes.push(button);
        position = change.e16;
        i++;
      }
      if (position < block.end) { line.appendChild(document.createTextNode(text.slice(position, block.end))); }
      fragment.appendChild(line);
      var out = el("div", "line", text.slice(block.start, block.end));
      results.appendChild(out);
      return out;
    });
    annotated.textContent = "";
    annotated.appendChild(fragment);
    resultBox.textContent = "";
    resultBox.appendChild(results);
    state.dirty = {};
  }

  annotated.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".chg") : null;
    if (button) { select(parseInt(button.getAttribute("data-i"), 10), true); }
  });

  // -- the current change ----------------------------------------------------------------------
  function select(i, focus) {
    if (i < 0 || i >= state.changes.length) { return; }
    if (state.current >= 0) {
      state.nodes[state.current].classList.remove("current");
      state.nodes[state.current].tabIndex = -1;
      state.nodes[state.current].removeAttribute("aria-current");
    }
    state.current = i;
    var node = state.nodes[i];
    node.classList.add("current");
    node.tabIndex = 0;
    node.setAttribute("aria-current", "true");
    if (focus) { node.focus(); }
    if (node.scrollIntoView) { node.scrollIntoView({ block: "nearest" }); }
    showDetail();
  }

  function entityLine(id) {
    var e = state.entities[id] || { name: id, kind: "" };
    return e.name + " (" + e.kind + (e.description ? ", " + e.description : "") + ")";
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function showDetail() {
    var i = state.current;
    var change = state.changes[i];
    var decision = state.decision[i];
    detail.textContent = "";
    var head = el("h3", "", "Change " + (i + 1) + " of " + state.changes.length + " ");
    head.appendChild(el("span", "state " + decision.state, decision.state));
    detail.appendChild(head);
    if (change.status === "matched") {
      var option = change.options[0];
      var pair = el("p", "pair");
      pair.appendChild(el("del", "", change.original));
      pair.appendChild(document.createTextNode(" → "));
      pair.appendChild(el("strong", "", option.replacement));
      detail.appendChild(pair);
      detail.appendChild(el("p", "", entityLine(option.id)));
      detail.appendChild(el("p", "meta", "Score " + option.score.toFixed(0) + ". " + option.explanation));
    } else {
      var fieldset = el("fieldset");
      fieldset.appendChild(el("legend", "", "“" + change.original + "” could be any of these; pick one:"));
      change.options.forEach(function (option, k) {
        var label = el("label", "choice");
        var radio = document.createElement("input");
        radio.type = "radio";
        radio.name = "candidate";
        radio.value = k;
        radio.checked = decision.option === k;
        radio.addEventListener("change", function () { decide(i, "accepted", k); });
        label.appendChild(radio);
        var same = option.replacement === change.original;
        label.appendChild(document.createTextNode(" " + (k + 1) + ". " + entityLine(option.id) + ": " +
          (same ? "keep “" + change.original + "”" : "“" + option.replacement + "”") +
          " (score " + option.score.toFixed(0) + ")"));
        label.appendChild(el("span", "meta", " " + option.explanation));
        fieldset.appendChild(label);
      });
      detail.appendChild(fieldset);
    }
    var buttons = el("div", "buttons");
    var accept = el("button", "primary", "Accept");
    accept.type = "button";
    accept.id = "accept-current";
    accept.setAttribute("aria-keyshortcuts", "a");
    accept.addEventListener("click", function () { acceptCurrent(); });
    var reject = el("button", "", change.status === "ambiguous" ? "Leave as written" : "Reject");
    reject.type = "button";
    reject.id = "reject-current";
    reject.setAttribute("aria-keyshortcuts", "r");
    reject.addEventListener("click", function () { decide(i, "rejected", -1); });
    buttons.appendChild(accept);
    buttons.appendChild(reject);
    detail.appendChild(buttons);
  }

  function decide(i, verdict, option) {
    var decision = state.decision[i];
    state.counts[decision.state] -= 1;
    decision.state = verdict;
    decision.option = verdict === "accepted" ? option : -1;
    state.counts[verdict] += 1;
    var node = state.nodes[i];
    node.classList.remove("open", "accepted", "rejected");
    node.classList.add(verdict);
    var change = state.changes[i];
    if (change.status === "ambiguous") {
      node.lastChild.textContent = decision.option >= 0 ? change.options[decision.option].replacement : "";
    }
    touched(i);
    if (i === state.current) { showDetail(); }
    update();
  }

  function acceptCurrent() {
    var i = state.current;
    if (i < 0) { return; }
    var change = state.changes[i];
    if (change.status === "ambiguous" && state.decision[i].option < 0) {
      say("“" + change.original + "” is ambiguous: pick one of the candidates (keys 1–" +
        change.options.length + ") or leave it as written (r).");
      return;
    }
    decide(i, "accepted", change.status === "ambiguous" ? state.decision[i].option : 0);
  }

  function acceptAll() {
    var left = 0;
    state.changes.forEach(function (change, i) {
      if (state.decision[i].state !== "open") { return; }
      if (change.status === "ambiguous") { left += 1; return; }
      var decision = state.decision[i];
      state.counts.open -= 1;
      state.counts.accepted += 1;
      decision.state = "accepted";
      decision.option = 0;
      state.nodes[i].classList.remove("open");
      state.nodes[i].classList.add("accepted");
      touched(i);
    });
    if (state.current >= 0) { showDetail(); }
    update();
    if (left) {
      say(left + (left === 1 ? " ambiguous name is" : " ambiguous names are") +
        " still open: each needs a choice of candidate.");
    }
  }

  // -- the result ---------------------------------------------------------------------------------
  function blockText(b) {
    var text = state.source;
    var block = state.blocks[b];
    var parts = [];
    var position = block.start;
    for (var i = block.first; i < state.changes.length && state.blockOf[i] === b; i++) {
      var decision = state.decision[i];
      if (decision.state !== "accepted") { continue; }
      parts.push(text.slice(position, state.changes[i].s16), state.changes[i].options[decision.option].replacement);
      position = state.changes[i].e16;
    }
    parts.push(text.slice(position, block.end));
    return parts.join("");
  }

  function resultText() {
    return state.blocks.map(function (block, b) { return blockText(b); }).join("");
  }

  function touched(i) { state.dirty[state.blockOf[i]] = true; }

  var pending = false;
  function update() {
    var c = state.counts;
    summary.textContent = c.accepted + " accepted, " + c.rejected + " rejected, " + c.open + " open" +
      " (" + state.changes.length + (state.changes.length === 1 ? " change)" : " changes)");
    if (pending) { return; }
    pending = true;
    resultBox.removeAttribute("data-done");
    // The result is redrawn once per frame, only in the blocks decisions touched.
    var run = function () {
      pending = false;
      Object.keys(state.dirty).forEach(function (b) { state.resultBlocks[b].textContent = blockText(+b); });
      state.dirty = {};
      resultBox.setAttribute("data-done", "1");
    };
    if (window.requestAnimationFrame && !document.hidden) { window.requestAnimationFrame(run); } else { run(); }
  }

  $("accept-all").addEventListener("click", acceptAll);

  $("copy-result").addEventListener("click", function () {
    var text = resultText();
    var note = $("done-note");
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents(resultBox);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      note.textContent = ok ? "Copied to the clipboard." : "Select the result and copy it (Ctrl+C).";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        note.textContent = "Copied to the clipboard.";
      }, fallback);
    } else {
      fallback();
    }
  });

  $("download").addEventListener("click", function () {
    var name = state.file && state.file.name ? state.file.name : "copy" + SUFFIX[state.format];
    var blob = new Blob([resultText()], { type: MIME[state.format] + ";charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    $("done-note").textContent = "Downloaded " + name + ".";
  });

  // -- keys ------------------------------------------------------------------------------------------
  function typing(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toLowerCase();
    if (tag === "textarea" || tag === "select" || target.isContentEditable) { return !target.readOnly; }
    if (tag !== "input") { return false; }
    return ["radio", "checkbox", "button", "submit"].indexOf(target.type) < 0;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    if (!state.changes.length || $("review").hidden) { return; }
    var key = event.key;
    var i = state.current;
    if (key === "j") { select(Math.min(i + 1, state.changes.length - 1), true); }
    else if (key === "k") { select(Math.max(i - 1, 0), true); }
    else if (key === "a") { acceptCurrent(); }
    else if (key === "r") { if (i >= 0) { decide(i, "rejected", -1); } }
    else if (key === "A") { acceptAll(); }
    else if (/^[1-9]$/.test(key) && i >= 0 && state.changes[i].status === "ambiguous") {
      var k = parseInt(key, 10) - 1;
      if (k < state.changes[i].options.length) { decide(i, "accepted", k); }
    } else { return; }
    event.preventDefault();
  });

  // -- unknown names and proposals --------------------------------------------------------------------
  var proposeCount = 0;

  function renderUnknown(items, map) {
    var list = $("unknown");
    list.textContent = "";
    $("unknown-section").hidden = !items.length;
    items.forEach(function (item) {
      var li = el("li");
      li.appendChild(el("span", "name", item.text));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "hint", item.count + "×"));
      li.appendChild(document.createTextNode(" "));
      var button = el("button", "", "Propose…");
      button.type = "button";
      button.setAttribute("aria-label", "Propose " + item.text);
      button.setAttribute("aria-expanded", "false");
      li.appendChild(button);
      li.appendChild(el("span", "context", item.context));
      button.addEventListener("click", function () {
        var open = li.querySelector("form.propose");
        if (open) { open.remove(); button.setAttribute("aria-expanded", "false"); return; }
        li.appendChild(proposeForm(item, button));
        button.setAttribute("aria-expanded", "true");
        li.querySelector(".entity-search").focus();
      });
      list.appendChild(li);
    });
  }

  function proposeForm(item, opener) {
    var n = ++proposeCount;
    var node = document.importNode($("propose-template").content, true);
    var formNode = node.querySelector("form");
    formNode.querySelector(".pname").textContent = item.text;
    var ids = { "entity-search": "ps-entity-", "kind": "ps-kind-", "new-id": "ps-id-", "en-name": "ps-en-" };
    var labels = { "entity-search": "entity-label", "kind": "kind-label", "new-id": "id-label", "en-name": "en-label" };
    Object.keys(ids).forEach(function (cls) {
      var input = formNode.querySelector("." + cls);
      input.id = ids[cls] + n;
      formNode.querySelector("." + labels[cls]).setAttribute("for", input.id);
    });
    formNode.querySelectorAll("input[name=mode]").forEach(function (radio) { radio.name = "mode-" + n; });
    var search = formNode.querySelector(".entity-search");
    var listbox = formNode.querySelector(".suggestions");
    listbox.id = "ps-list-" + n;
    search.setAttribute("aria-controls", listbox.id);
    var chosen = null;
    var kind = formNode.querySelector(".kind");
    var newId = formNode.querySelector(".new-id");
    var enName = formNode.querySelector(".en-name");
    var status = formNode.querySelector(".propose-message");
    var latin = !/[\u0400-\u04FF]/.test(item.text);
    newId.value = item.suggested_ids.person;
    enName.value = latin ? item.text : "";
    kind.addEventListener("change", function () {
      newId.value = item.suggested_ids[kind.value === "person" ? "person" : "other"];
    });
    formNode.addEventListener("change", function (event) {
      if (event.target.name !== "mode-" + n) { return; }
      var isNew = event.target.value === "new";
      formNode.querySelector(".variant-fields").hidden = isNew;
      formNode.querySelector(".new-fields").hidden = !isNew;
    });

    var active = -1;
    var options = [];
    function showSuggestions(found) {
      options = found;
      active = -1;
      listbox.textContent = "";
      found.forEach(function (m, k) {
        var li = el("li", "", m.name + " (" + m.kind + ", " + m.id + ")");
        li.id = listbox.id + "-" + k;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.addEventListener("mousedown", function (event) { event.preventDefault(); pick(k); });
        listbox.appendChild(li);
      });
      listbox.hidden = !found.length;
      search.setAttribute("aria-expanded", found.length ? "true" : "false");
    }
    function highlight(k) {
      active = k;
      Array.prototype.forEach.call(listbox.children, function (li, j) {
        li.setAttribute("aria-selected", j === k ? "true" : "false");
      });
      if (k >= 0) { search.setAttribute("aria-activedescendant", listbox.id + "-" + k); }
      else { search.removeAttribute("aria-activedescendant"); }
    }
    function pick(k) {
      chosen = options[k];
      search.value = chosen.name;
      showSuggestions([]);
      search.removeAttribute("aria-activedescendant");
      status.textContent = "Entity: " + chosen.name + " (" + chosen.id + ").";
    }
    var asked = 0;
    function suggest(query) {
      var ticket = ++asked;
      if (!query.trim()) { showSuggestions([]); return; }
      api("GET", "/v1/lookup?limit=8&q=" + encodeURIComponent(query)).then(function (data) {
        if (ticket === asked) { showSuggestions(data.candidates); }
      }, function (error) { status.textContent = error.message; });
    }
    search.addEventListener("input", function () { chosen = null; suggest(search.value); });
    search.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && options.length) { highlight(Math.min(active + 1, options.length - 1)); event.preventDefault(); }
      else if (event.key === "ArrowUp" && options.length) { highlight(Math.max(active - 1, 0)); event.preventDefault(); }
      else if (event.key === "Enter" && active >= 0) { pick(active); event.preventDefault(); }
      else if (event.key === "Escape") { showSuggestions([]); }
    });
    search.value = item.text;
    suggest(item.text);

    formNode.querySelector(".cancel").addEventListener("click", function () {
      formNode.remove();
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
    });
    formNode.addEventListener("submit", function (event) {
      event.preventDefault();
      var mode = formNode.querySelector("input[name=mode-" + n + "]:checked").value;
      var proposals;
      if (mode === "variant") {
        if (!chosen) { status.textContent = "Pick the entity from the suggestions first (type a few letters of its name)."; search.focus(); return; }
        proposals = [{ name: item.text, id: chosen.id, copy_lang: state.lang, context: item.context }];
      } else {
        if (!enName.value.trim()) { status.textContent = "A new entity needs its English house spelling."; enName.focus(); return; }
        proposals = [{ name: enName.value, id: newId.value, kind: kind.value, lang: "en", preferred: true, context: item.context }];
        if (enName.value.trim() !== item.text) {
          proposals.push({ name: item.text, id: newId.value, kind: kind.value, copy_lang: state.lang, preferred: !latin, context: item.context });
        }
      }
      api("POST", "/v1/proposals", { proposals: proposals }).then(function (data) {
        status.textContent = "Sent for review (" + data.proposals.map(function (p) { return p.proposal; }).join(", ") +
          "). A reviewer accepts it on the Review queue page.";
        formNode.classList.add("sent");
      }, function (error) { status.textContent = error.message; });
    });
    return formNode;
  }

  // -- lookup box ---------------------------------------------------------------------------------------
  $("lookup-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var q = $("lookup-q").value;
    var out = $("lookup-result");
    out.textContent = "Looking up…";
    api("GET", "/v1/lookup?limit=5&q=" + encodeURIComponent(q)).then(function (data) {
      var words = { matched: "One entity answers to this spelling.", ambiguous: "More than one entity could be meant:", unmatched: "No entity in the registry answers to this spelling." };
      out.textContent = "";
      out.appendChild(el("p", "", words[data.status] || data.status));
      var ids = data.status === "matched" ? [data.match.id] : data.status === "ambiguous" ? data.candidates.map(function (m) { return m.id; }) : [];
      return Promise.all(ids.map(function (id) { return api("GET", "/v1/entities/" + encodeURIComponent(id)); })).then(function (entities) {
        entities.forEach(function (entity, k) { out.appendChild(entityCard(entity, data.status === "matched" ? data.match : data.candidates[k])); });
      });
    }).catch(function (error) { out.textContent = error.message; });
  });

  function entityCard(entity, match) {
    var box = el("div", "lookup-entity");
    box.appendChild(el("h3", "", entity.name + " (" + entity.kind + ", " + entity.id + ")"));
    if (match) { box.appendChild(el("p", "meta", "Score " + match.score.toFixed(0) + ". " + match.explanation)); }
    var table = el("table");
    table.appendChild(el("caption", "", "House spelling in each language"));
    Object.keys(entity.preferred).forEach(function (lang) {
      var tr = el("tr");
      tr.appendChild(el("th", "", lang)).setAttribute("scope", "row");
      var td = el("td", "", entity.preferred[lang]);
      td.lang = lang;
      tr.appendChild(td);
      table.appendChild(tr);
    });
    box.appendChild(table);
    var variants = entity.names.filter(function (n) { return !n.preferred; });
    box.appendChild(el("p", "", variants.length ? "Known variants:" : "No other spellings stored."));
    if (variants.length) {
      var ul = el("ul");
      variants.forEach(function (n) { var li = el("li", "", n.text + " (" + n.lang + ")"); li.lang = n.lang; ul.appendChild(li); });
      box.appendChild(ul);
    }
    return box;
  }

  restore();
}());
