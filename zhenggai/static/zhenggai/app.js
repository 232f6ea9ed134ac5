// Toasts fade after a few seconds; error toasts stay until clicked.
(function () {
  function dismiss(toast) {
    toast.classList.add("hide");
    setTimeout(function () { toast.remove(); }, 500);
  }
  function arm(root) {
    root.querySelectorAll(".toast").forEach(function (toast) {
      toast.addEventListener("click", function () { dismiss(toast); });
      if (!toast.classList.contains("toast-error")) {
        setTimeout(function () { dismiss(toast); }, 5000);
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { arm(document); });
})();

// A filter form sent by GET leaves out the fields left empty, so that the address htmx
// pushes into the history is as short as a link a person would write, and bookmarks well.
document.addEventListener("htmx:configRequest", function (event) {
  if (event.detail.verb !== "get") {
    return;
  }
  var params = event.detail.formData;
  Array.from(new Set(params.keys())).forEach(function (name) {
    if (params.getAll(name).every(function (value) { return value === ""; })) {
      params.delete(name);
    }
  });
});

// Print buttons: the page's print layout (print.css) does the rest. A page made for printing
// (the whole ledger view) opens the print dialog itself.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
window.addEventListener("load", function () {
  if (document.querySelector("[data-print-now]")) {
    window.print();
  }
});

// An htmx request that fails (refused, a server error, no network) says why beside the form
// that sent it: the reason is the one the server's error page gives (data-error-reason), so
// it is the same Chinese sentence a full page would show. The next try clears it.
(function () {
  var FALLBACK = {
    403: "无权操作。",
    404: "没有找到该记录，或您无权查看。",
    413: "提交的内容过大。",
    503: "系统正忙，请稍后重试。"
  };
  function anchor(elt) {
    var holder = elt.closest("form") || elt;
    // A message cannot sit between table rows: it goes after the table.
    return holder.closest("table") || holder;
  }
  function show(elt, text) {
    var place = anchor(elt);
    var note = place.nextElementSibling;
    if (!note || !note.classList.contains("htmx-error")) {
      note = document.createElement("p");
      note.className = "error htmx-error";
      note.setAttribute("role", "alert");
      place.insertAdjacentElement("afterend", note);
    }
    note.textContent = text;
  }
  function reason(xhr) {
    var page = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
    var found = page.querySelector("[data-error-reason]");
    if (found && found.textContent.trim()) {
      return found.textContent.trim();
    }
    return FALLBACK[xhr.status] || "操作没有成功（服务器返回 " + xhr.status + "），请稍后重试。";
  }
  document.addEventListener("htmx:responseError", function (event) {
    show(event.detail.elt, reason(event.detail.xhr));
  });
  document.addEventListener("htmx:sendError", function (event) {
    show(event.detail.elt, "网络连接失败，未能提交，请检查网络后重试。");
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    var note = anchor(event.detail.elt).nextElementSibling;
    if (note && note.classList.contains("htmx-error")) {
      note.remove();
    }
  });
})();

// Phones: a list's cells carry their column's name (shown as the card's labels, app.css), and
// a fold button opens or closes the part it controls (the filters, the top bar's menu).
(function () {
  function label(root) {
    root.querySelectorAll("table.cards").forEach(function (table) {
      var names = Array.from(table.querySelectorAll("thead th")).map(function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.from(row.children).forEach(function (cell, i) {
          if (names[i] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", names[i]);
          }
        });
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { label(document); });
  document.addEventListener("htmx:afterSettle", function () { label(document); });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-fold]");
    if (!button) {
      return;
    }
    var open = document.getElementById(button.getAttribute("aria-controls")).classList.toggle("open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();

// 全选本页: ticks or clears every box of that name that belongs to the same form.
document.addEventListener("change", function (event) {
  var all = event.target.closest("[data-select-all]");
  if (!all) {
    return;
  }
  var form = all.form ? all.form.id : "";
  document.querySelectorAll('input[name="' + all.dataset.selectAll + '"]').forEach(function (box) {
    if (!form || box.getAttribute("form") === form || box.form === all.form) {
      box.checked = all.checked;
    }
  });
});

// A part marked data-ticked (the batch form's 责任人, narrowed to the ticked measures' units)
// is drawn again when the ticks change; after 全选本页's handler above has ticked the page.
// The part itself stays and only its inside is drawn again: a tick made while an answer was
// being drawn would otherwise go to the part being replaced, and be lost with it.
document.addEventListener("change", function (event) {
  var box = event.target;
  if (box.name !== "measures" && !box.hasAttribute("data-select-all")) {
    return;
  }
  document.querySelectorAll("[data-ticked]").forEach(function (part) {
    window.htmx.trigger(part, "ticked");
  });
});

// Pickers (zhenggai.ledger.fields.Picker): a select marked data-picker becomes a box where a
// person types part of a unit's or person's name and picks from what matches; several for a
// multiple select, each removable with its ×. Parts drawn later by htmx are enhanced as they
// arrive. tom-select is loaded only when a page (or a part htmx draws) has a picker, so the
// pages without one do not fetch and parse it. Without script (or without tom-select) the
// select stays a plain select.
(function () {
  var loading = null;

  function loadPicker() {
    if (!loading) {
      loading = new Promise(function (resolve) {
        var body = document.body;
        var style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = body.dataset.pickerStyle;
        document.head.appendChild(style);
        var script = document.createElement("script");
        script.src = body.dataset.pickerScript;
        script.onload = resolve;
        script.onerror = resolve;  // the selects stay plain selects
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function enhance(root) {
    if (!root.querySelectorAll) {
      return;
    }
    // htmx:load names each element it drew; a picker may be one of them, not inside one.
    var own = root.matches && root.matches("select[data-picker]");
    var selects = own ? [root] : root.querySelectorAll("select[data-picker]");
    if (!selects.length) {
      return;
    }
    if (!window.TomSelect) {
      loadPicker().then(function () { enhanceAll(selects); });
      return;
    }
    enhanceAll(selects);
  }

  function enhanceAll(selects) {
    if (!window.TomSelect) {
      return;
    }
    selects.forEach(function (select) {
      if (select.tomselect || !select.isConnected) {
        return;
      }
      new window.TomSelect(select, {
        plugins: select.multiple ? ["remove_button"] : [],
        allowEmptyOption: true,
        maxOptions: null,
        closeAfterSelect: true,
        placeholder: select.multiple ? "输入名称查找，可选多个" : "输入名称查找",
        render: {
          no_results: function () { return '<div class="no-results">没有找到</div>'; }
        }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.detail.elt); });
  // A picker that htmx is about to replace is taken down first: left standing, it would
  // keep listening to the page and swallow the next tap on the picker that replaces it.
  document.addEventListener("htmx:beforeCleanupElement", function (event) {
    if (event.target.tomselect) {
      event.target.tomselect.destroy();
    }
  });
})();

// A person picker marked data-under offers only the persons of the unit chosen in the unit
// picker it names (zhenggai.ledger.fields.TreePicker) and of the units below it; a person
// left outside the new unit's tree is cleared. The full list is kept aside to narrow again.
(function () {
  function narrow(person) {
    var unit = person.form && person.form.elements[person.dataset.under];
    if (!unit) {
      return;
    }
    if (!person.everyOption) {
      person.everyOption = Array.from(person.options);
    }
    var chosen = unit.options[unit.selectedIndex];
    var path = (chosen && chosen.dataset.path) || "";
    var value = person.value;
    person.replaceChildren.apply(person, person.everyOption.filter(function (option) {
      return !option.value || !path || (option.dataset.path || "").indexOf(path) === 0;
    }));
    person.value = value;
    if (person.value !== value) {
      person.value = "";
    }
    if (person.tomselect) {
      person.tomselect.clearOptions();
      person.tomselect.sync();
    }
  }
  function narrowAll(root) {
    if (root.querySelectorAll) {
      root.querySelectorAll("select[data-under]").forEach(narrow);
    }
  }
  document.addEventListener("DOMContentLoaded", function () { narrowAll(document); });
  document.addEventListener("htmx:load", function (event) { narrowAll(event.detail.elt); });
  document.addEventListener("change", function (event) {
    var unit = event.target;
    if (unit.form && unit.name) {
      unit.form.querySelectorAll('select[data-under="' + unit.name + '"]').forEach(narrow);
    }
  });
})();
