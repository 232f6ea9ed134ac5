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

// Print buttons: the page's print layout (@media print in app.css) does the rest.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
