// Page article générique du site de démonstration « Le Quotidien de l'Atlas ».
//
// Lit ?id= dans l'URL, retrouve l'article dans /articles.json et remplit la page.
// Les données du bundle sont traitées comme inertes : uniquement textContent,
// setAttribute et createElement — jamais innerHTML.
// Chargé avec `defer` : la page est servie avec `script-src 'self' 'wasm-unsafe-eval'`,
// donc aucun script inline ni gestionnaire d'événement inline.
(function () {
  'use strict';

  var BUNDLE_URL = '/articles.json';
  var SITE_NAME = "Le Quotidien de l'Atlas";

  var dateFormat = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Africa/Casablanca'
  });

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== null && text !== undefined) node.textContent = text;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function asText(value) {
    return typeof value === 'string' ? value.trim() : '';
  }

  // N'accepte que des chemins relatifs au site ou des URL http(s).
  function safeUrl(value) {
    var s = asText(value);
    if (!s) return null;
    try {
      var u = new URL(s, location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function authorsOf(article) {
    var list = Array.isArray(article.authors) ? article.authors : [article.author];
    return list.map(asText).filter(Boolean);
  }

  function joinNames(names) {
    if (names.length <= 1) return names.join('');
    if (typeof Intl.ListFormat === 'function') {
      return new Intl.ListFormat('fr', { style: 'long', type: 'conjunction' }).format(names);
    }
    return names.slice(0, -1).join(', ') + ' et ' + names[names.length - 1];
  }

  function highlightNav(category) {
    var links = document.querySelectorAll('.mainnav a');
    for (var i = 0; i < links.length; i++) {
      if (links[i].textContent.trim() === category) {
        links[i].classList.add('is-active');
        links[i].setAttribute('aria-current', 'true');
      }
    }
  }

  function finish() {
    $('article').removeAttribute('aria-busy');
  }

  function showMessage(title, message) {
    document.title = title + ' – ' + SITE_NAME;
    $('article-title').textContent = title;
    $('article-category').hidden = true;
    $('article-byline').hidden = true;
    $('article-figure').hidden = true;

    var body = $('article-body');
    clear(body);
    body.appendChild(el('p', null, message));
    var back = el('p');
    var link = el('a', null, 'Retour à l’accueil');
    link.setAttribute('href', '/');
    back.appendChild(link);
    body.appendChild(back);
    finish();
  }

  function render(article) {
    var title = asText(article.title) || 'Sans titre';
    var category = asText(article.category);
    document.title = title + ' – ' + SITE_NAME;

    // Titre, rubrique, fil d'Ariane.
    $('article-title').textContent = title;
    if (category) {
      var kicker = $('article-category');
      kicker.textContent = category;
      kicker.hidden = false;

      var crumb = $('crumb-category');
      crumb.textContent = category;
      crumb.setAttribute('aria-current', 'page');
      crumb.hidden = false;
      highlightNav(category);
    }

    // Signature : « Auteur(s) – date ».
    var byline = $('article-byline');
    clear(byline);
    var names = authorsOf(article);
    if (names.length) byline.appendChild(el('span', 'byline__author', joinNames(names)));
    var published = new Date(asText(article.published));
    if (!isNaN(published.getTime())) {
      if (names.length) byline.appendChild(document.createTextNode(' – '));
      var time = el('time', null, dateFormat.format(published));
      time.setAttribute('datetime', article.published);
      byline.appendChild(time);
    }
    byline.hidden = !byline.firstChild;

    // Illustration.
    var figure = $('article-figure');
    var img = $('article-image');
    var image = article.image && typeof article.image === 'object' ? article.image : null;
    var src = image ? safeUrl(image.url) : null;
    if (src) {
      img.setAttribute('src', src);
      img.setAttribute('alt', asText(image.alt));
      if (image.width > 0 && image.height > 0) {
        img.setAttribute('width', String(Math.round(image.width)));
        img.setAttribute('height', String(Math.round(image.height)));
      }
      figure.hidden = false;
    } else {
      img.removeAttribute('src');
      figure.hidden = true;
    }

    // Chapeau + paragraphe de démonstration.
    var body = $('article-body');
    clear(body);
    var summary = asText(article.summary);
    if (summary) body.appendChild(el('p', 'lead', summary));
    body.appendChild(el('p', 'note',
      'Cet article est un exemple créé pour la démonstration d’encart : seuls le titre, ' +
      'le chapeau et les métadonnées proviennent du fichier articles.json. Le site ' +
      'Le Quotidien de l’Atlas est fictif et le texte intégral de cet article n’existe pas.'));

    // Mots-clés.
    var tags = Array.isArray(article.tags) ? article.tags.map(asText).filter(Boolean) : [];
    if (tags.length) {
      var list = el('ul', 'tags');
      list.setAttribute('aria-label', 'Mots-clés');
      tags.forEach(function (tag) {
        list.appendChild(el('li', null, tag));
      });
      $('article').appendChild(list);
    }
    finish();
  }

  function mountWidget(id) {
    var aside = document.querySelector('aside.sidebar');
    if (!aside) return;
    var widget = document.createElement('encart-sidebar');
    widget.setAttribute('bundle', BUNDLE_URL);
    widget.setAttribute('article', id);
    widget.setAttribute('lang', 'fr');
    // Comme la barre du site modèle : « Derniers articles » et « Les plus lus » en onglets.
    widget.setAttribute('layout', 'tabs');
    aside.appendChild(widget);
  }

  // « Mode sombre » : impose le schéma de couleurs de la page (sinon celui du système). Le
  // widget suit le color-scheme de la page hôte, sans réglage de sa part.
  function setUpThemeSwitch() {
    var button = $('theme-switch');
    if (!button) return;
    var dark = window.matchMedia('(prefers-color-scheme: dark)');
    function show() {
      var theme = document.documentElement.getAttribute('data-theme');
      button.setAttribute('aria-pressed', String(theme ? theme === 'dark' : dark.matches));
    }
    button.addEventListener('click', function () {
      var next = button.getAttribute('aria-pressed') === 'true' ? 'light' : 'dark';
      document.documentElement.setAttribute('data-theme', next);
      show();
    });
    dark.addEventListener('change', show);
    show();
  }

  function main() {
    setUpThemeSwitch();
    var id = asText(new URLSearchParams(location.search).get('id'));
    if (!id) {
      showMessage('Article introuvable', 'Aucun article n’a été indiqué dans l’adresse de cette page.');
      return;
    }

    fetch(BUNDLE_URL, { headers: { Accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (bundle) {
        var articles = bundle && Array.isArray(bundle.articles) ? bundle.articles : [];
        var article = null;
        for (var i = 0; i < articles.length; i++) {
          if (articles[i] && articles[i].id === id) {
            article = articles[i];
            break;
          }
        }
        if (!article) {
          showMessage('Article introuvable',
            'L’article demandé n’existe pas ou n’est plus disponible.');
          return;
        }
        render(article);
        mountWidget(id);
      })
      .catch(function () {
        showMessage('Article indisponible',
          'Le contenu n’a pas pu être chargé. Veuillez réessayer dans quelques instants.');
      });
  }

  main();
})();
