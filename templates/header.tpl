{{%AUTOESCAPE context="HTML"}}
{{! header.tpl: the top of every page: head, site name, today's date, the clocks and the contacts. }}
<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}} | {{SITE_NAME}}</title>
<meta name="description" content="{{META_DESCRIPTION}}">
{{#CANONICAL}}<link rel="canonical" href="{{CANONICAL_URL}}">{{/CANONICAL}}
<link rel="alternate" type="application/atom+xml" title="{{SITE_NAME}}" href="{{FEED_URL}}">
{{#HREFLANG}}<link rel="alternate" hreflang="{{HREFLANG}}" href="{{HREFLANG_URL}}">
{{/HREFLANG}}{{#ARTICLE}}
<meta property="og:type" content="article">
<meta property="og:site_name" content="{{SITE_NAME}}">
<meta property="og:title" content="{{OG_TITLE}}">
<meta property="og:description" content="{{OG_DESCRIPTION}}">
<meta property="og:url" content="{{OG_URL}}">
<meta property="article:published_time" content="{{PUBLISHED_ISO}}">
<meta property="article:modified_time" content="{{MODIFIED_ISO}}">
{{#OG_IMAGE}}<meta property="og:image" content="{{IMAGE_URL}}">
<meta property="og:image:type" content="image/jpeg">
<meta property="og:image:width" content="{{IMAGE_WIDTH}}">
<meta property="og:image:height" content="{{IMAGE_HEIGHT}}">
<meta property="og:image:alt" content="{{IMAGE_ALT}}">
<meta name="twitter:image" content="{{IMAGE_URL}}">
<meta name="twitter:image:alt" content="{{IMAGE_ALT}}">
{{/OG_IMAGE}}
<meta name="twitter:card" content="{{TWITTER_CARD}}">
<meta name="twitter:title" content="{{OG_TITLE}}">
<meta name="twitter:description" content="{{OG_DESCRIPTION}}">
<script type="application/ld+json">{{JSONLD_JSON:none}}</script>
{{/ARTICLE}}
<link rel="stylesheet" href="/static/style.css">
<link rel="stylesheet" href="/static/print.css" media="print">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">{{W_SKIP_TO_CONTENT}}</a>
<header class="site-header">
  <div class="wrap">
    <p class="site-name"><a href="{{HOME_URL}}">{{SITE_NAME}}</a></p>
    <div class="site-meta">
      <p class="today"><time datetime="{{NOW_ISO}}">{{TODAY}}</time></p>
      <ul class="clocks" aria-label="{{W_CURRENT_TIME}}">
        {{#CLOCK}}<li><span class="clock-city">{{CLOCK_CITY}}:</span> <span class="clock-time">{{CLOCK_TIME}}</span></li>
        {{/CLOCK}}
      </ul>
      {{#CONTACTS}}
      <address class="contacts">
        <span class="contact-label">{{CONTACT_LABEL}}:</span>
        <a class="contact-phone" href="tel:{{CONTACT_PHONE_TEL}}">{{CONTACT_PHONE}}</a>
        <a class="contact-email" href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a>
      </address>
      {{/CONTACTS}}
      {{#LANGUAGE_SWITCH}}<ul class="language-switch" aria-label="{{W_LANGUAGES}}">{{#OTHER_LANGUAGE}}<li><a href="{{LANGUAGE_HOME}}" hreflang="{{LANGUAGE_TAG}}" lang="{{LANGUAGE_TAG}}">{{LANGUAGE_NAME}}</a></li>{{/OTHER_LANGUAGE}}</ul>{{/LANGUAGE_SWITCH}}
    </div>
  </div>
  <nav class="site-nav wrap" aria-label="{{W_MAIN_MENU}}">
    <ul>
      <li><a href="{{HOME_URL}}">{{SITE_TAGLINE}}</a></li>
      <li><a href="{{MESSAGES_URL}}?type=releases">{{W_PRESS_RELEASES}}</a></li>
      <li><a href="{{MESSAGES_URL}}?type=events">{{W_EVENTS}}</a></li>
      <li><a href="{{MESSAGES_URL}}">{{W_ALL_MESSAGES}}</a></li>
    </ul>
    <form class="site-search" role="search" aria-label="{{SITE_SEARCH_LABEL}}" method="get" action="{{MESSAGES_URL}}">
      <label for="site-search-q" class="visually-hidden">{{W_SEARCH_STATEMENTS}}</label>
      <input id="site-search-q" type="search" name="q" value="{{QUERY}}" placeholder="{{W_SEARCH_STATEMENTS}}" maxlength="256">
      <button type="submit">{{W_SEARCH}}</button>
    </form>
  </nav>
</header>
<main id="main" class="wrap">
