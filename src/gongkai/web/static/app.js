// Small progressive enhancements; every form works without this file.
// Buttons with data-confirm ask before submitting (e.g. removing a request, voiding an event).
document.addEventListener("submit", function (ev) {
  var button = ev.submitter;
  var message = (button && button.dataset.confirm) || ev.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    ev.preventDefault();
  }
});
