/* Staff passkeys (WebAuthn) through Spring Security's endpoints: registering one on /account/passkeys, and giving
   one as the second factor on /account/mfa. The browser's navigator.credentials does the cryptography; this only
   turns the server's JSON options into what it wants (binary fields are Base64URL on the wire) and back.
   Loaded as a file: the Content-Security-Policy allows no inline script. */
(function () {
  'use strict';

  function fromBase64Url(text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    var binary = window.atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return window.btoa(binary).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function post(url, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return fetch(url, {
      method: 'POST', headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function showError(message, focus) {
    var box = document.getElementById('passkey-error');
    var text = document.getElementById('passkey-error-text');
    if (!box || !text) {
      return;
    }
    text.textContent = message;
    box.hidden = false;
    if (focus) {
      text.focus();
    }
  }

  function descriptors(list) {
    return (list || []).map(function (c) {
      return Object.assign({}, c, { id: fromBase64Url(c.id) });
    });
  }

  function register(form) {
    var field = document.getElementById('label');
    var label = field.value.trim();
    if (!label) {
      field.setAttribute('aria-invalid', 'true');
      showError(form.dataset.labelRequired, true);
      return;
    }
    if (!window.PublicKeyCredential) {
      showError(form.dataset.unsupported, true);
      return;
    }
    post(form.dataset.optionsUrl).then(function (options) {
      var publicKey = Object.assign({}, options, {
        challenge: fromBase64Url(options.challenge),
        user: Object.assign({}, options.user, { id: fromBase64Url(options.user.id) }),
        excludeCredentials: descriptors(options.excludeCredentials)
      });
      return navigator.credentials.create({ publicKey: publicKey });
    }).then(function (credential) {
      var response = credential.response;
      return post(form.dataset.registerUrl, {
        publicKey: {
          credential: {
            id: credential.id,
            rawId: toBase64Url(credential.rawId),
            response: {
              attestationObject: toBase64Url(response.attestationObject),
              clientDataJSON: toBase64Url(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : []
            },
            type: credential.type,
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          },
          label: label
        }
      });
    }).then(function (result) {
      if (!result || !result.success) {
        throw new Error('not registered');
      }
      window.location.href = form.dataset.doneUrl;
    }).catch(function (e) {
      showError(form.dataset.failed, true);
      if (window.console) {
        window.console.warn('Passkey registration failed', e);
      }
    });
  }

  function signIn(button) {
    if (!window.PublicKeyCredential) {
      showError(button.dataset.unsupported, true);
      return;
    }
    post(button.dataset.optionsUrl).then(function (options) {
      var publicKey = Object.assign({}, options, {
        challenge: fromBase64Url(options.challenge),
        allowCredentials: descriptors(options.allowCredentials)
      });
      return navigator.credentials.get({ publicKey: publicKey });
    }).then(function (credential) {
      var response = credential.response;
      return post(button.dataset.signInUrl, {
        id: credential.id,
        rawId: toBase64Url(credential.rawId),
        response: {
          authenticatorData: toBase64Url(response.authenticatorData),
          clientDataJSON: toBase64Url(response.clientDataJSON),
          signature: toBase64Url(response.signature),
          userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    }).then(function (result) {
      if (!result || !result.authenticated || !result.redirectUrl) {
        throw new Error('not signed in');
      }
      window.location.href = result.redirectUrl;
    }).catch(function (e) {
      showError(button.dataset.failed, true);
      if (window.console) {
        window.console.warn('Passkey sign-in failed', e);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('passkey-register');
    if (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        register(form);
      });
    }
    var button = document.getElementById('passkey-sign-in');
    if (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        signIn(button);
      });
    }
  });
})();
