// The zone map: a marker opens a small popup with the organisation's name and a link to its profile.
// Without JavaScript a marker is simply a link to the profile.
document.addEventListener('DOMContentLoaded', function () {
  var popup = document.getElementById('map-popup');
  if (!popup) { return; }
  var name = popup.querySelector('.zone-map__popup-name');
  var kind = popup.querySelector('.zone-map__popup-kind');
  var link = popup.querySelector('.zone-map__popup-link');
  var close = popup.querySelector('.zone-map__popup-close');
  var opener = null;
  function hide() {
    popup.hidden = true;
    if (opener) { opener.focus(); opener = null; }
  }
  document.querySelectorAll('.zone-map__marker').forEach(function (marker) {
    marker.addEventListener('click', function (event) {
      event.preventDefault();
      opener = marker;
      name.textContent = marker.getAttribute('data-name');
      kind.textContent = marker.getAttribute('data-kind');
      link.setAttribute('href', marker.getAttribute('href'));
      popup.hidden = false;
      link.focus();
    });
  });
  close.addEventListener('click', hide);
  popup.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { hide(); }
  });
});
