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
