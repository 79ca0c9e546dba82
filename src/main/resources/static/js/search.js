// Suggestions as you type for the header's search box (#site-search): an ARIA 1.2 combobox with a
// listbox popup. Without JavaScript the box still submits to /search.
(function () {
  'use strict';
  function init() {
    // on a phone the results come before the filters: the filters fold behind their heading
    var facets = document.querySelector('.search-facets__panel');
    if (facets && window.matchMedia && window.matchMedia('(max-width: 47.99rem)').matches) { facets.open = false; }
    var input = document.getElementById('site-search');
    if (!input || input.dataset.suggest === 'on') { return; }
    input.dataset.suggest = 'on';
    var form = input.form;
    var list = document.createElement('ul');
    list.id = 'site-search-suggestions';
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    var label = document.querySelector('label[for="site-search"]');
    if (label) { list.setAttribute('aria-label', label.textContent); }
    input.insertAdjacentElement('afterend', list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    var timer = null;
    var active = -1;
    var items = [];
    var lastQuery = '';
    var lang = document.documentElement.getAttribute('lang') || '';

    function close() {
      list.hidden = true;
      list.innerHTML = '';
      items = [];
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function highlight(index) {
      items.forEach(function (li, i) { li.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', items[index].id);
        items[index].scrollIntoView({ block: 'nearest' });
      }
      else { input.removeAttribute('aria-activedescendant'); }
    }

    function render(suggestions) {
      list.innerHTML = '';
      items = [];
      suggestions.forEach(function (s, i) {
        var li = document.createElement('li');
        li.id = 'site-search-suggestion-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.url = s.url || '';
        li.textContent = s.title;
        li.addEventListener('mousedown', function (e) { e.preventDefault(); go(li); });
        list.appendChild(li);
        items.push(li);
      });
      if (items.length) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      } else {
        close();
      }
    }

    function go(li) {
      if (li.dataset.url) { window.location.href = li.dataset.url; }
      else { input.value = li.textContent; form.submit(); }
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q === lastQuery) { return; }
      lastQuery = q;
      if (!q) { close(); return; }
      var url = '/api/v1/search/suggest?q=' + encodeURIComponent(q) + (lang ? '&lang=' + encodeURIComponent(lang) : '');
      fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (data) { if (input.value.trim() === q) { render(data || []); } })
        .catch(function () { close(); });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') {
        if (list.hidden) { lastQuery = ''; fetchSuggestions(); return; }
        e.preventDefault();
        highlight(Math.min(active + 1, items.length - 1));
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        highlight(Math.max(active - 1, -1));
      } else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault();
        go(items[active]);
      } else if (e.key === 'Escape' && !list.hidden) {
        // the first Escape closes the list and keeps what was typed; a second one clears the box
        e.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 100); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
