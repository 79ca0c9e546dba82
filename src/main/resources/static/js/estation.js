// Hetao e-Station: small progressive enhancements. Pages work without JavaScript.
// htmx sends the CSRF token with every state-changing request it makes.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
  }
});
