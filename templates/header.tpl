{{%AUTOESCAPE context="HTML"}}
{{! header.tpl: the top of every page: head, site name, today's date, the clocks and the contacts. }}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}} | {{SITE_NAME}}</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="stylesheet" href="/static/print.css" media="print">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap">
    <p class="site-name"><a href="/">{{SITE_NAME}}</a></p>
    <div class="site-meta">
      <p class="today"><time datetime="{{NOW_ISO}}">{{TODAY}}</time></p>
      <ul class="clocks" aria-label="Current time">
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
    </div>
  </div>
  <nav class="site-nav wrap" aria-label="Main">
    <ul>
      <li><a href="/">{{SITE_TAGLINE}}</a></li>
      <li><a href="/messages?type=releases">Press releases</a></li>
      <li><a href="/messages?type=events">Events</a></li>
      <li><a href="/messages">All messages</a></li>
    </ul>
  </nav>
</header>
<main id="main" class="wrap">
