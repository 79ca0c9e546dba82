// The hall's small enhancements: a print button on the ticket (printing works from the browser menu too).
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-hall-print]');
  if (button) {
    window.print();
  }
});
