// babelwire dashboard: small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Filter forms marked data-autosubmit apply as soon as a menu or range changes.
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.querySelectorAll("select, input[type=radio]").forEach(function (field) {
      field.addEventListener("change", function () {
        if (typeof form.requestSubmit === "function") { form.requestSubmit(); } else { form.submit(); }
      });
    });
  });
  // Following a link to an article on the Story page opens its "why grouped" details.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    var details = target.querySelector("details");
    if (details) { details.open = true; }
    target.classList.add("is-target");
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
