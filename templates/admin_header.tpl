{{%AUTOESCAPE context="HTML"}}
{{! admin_header.tpl: the top of every press officer's page. }}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{PAGE_TITLE}} | Pressroom admin</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="stylesheet" href="/static/admin.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body class="admin">
<a class="skip" href="#main">Skip to content</a>
<header class="admin-header">
  <div class="wrap">
    <p class="site-name"><a href="/admin">Pressroom</a> <span class="admin-site">{{SITE_NAME}}</span></p>
    {{#SIGNED_IN}}
    <nav class="admin-nav" aria-label="Admin">
      <ul>
        <li><a href="/admin">All items</a></li>
        <li><a href="/admin/new">New statement</a></li>
        <li><a href="/admin/account">Your account</a></li>
        {{#PUBLISHER}}<li><a href="/admin/log">Audit log</a></li>{{/PUBLISHER}}
        {{#PUBLISHER}}<li><a href="/admin/subscribers">Subscribers</a></li>{{/PUBLISHER}}
        <li><a href="/">Public site</a></li>
      </ul>
      <form class="signout" method="post" action="/admin/logout">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <span class="who">{{USER_NAME}} ({{USER_ROLE}})</span>
        <button type="submit">Sign out</button>
      </form>
    </nav>
    {{/SIGNED_IN}}
  </div>
</header>
<main id="main" class="wrap">
