{{%AUTOESCAPE context="HTML"}}
{{! admin_login.tpl: the sign-in form. }}
{{>HEADER}}
<h1 class="page-title">Sign in</h1>
{{#LOGIN_ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/LOGIN_ERROR}}
{{#KEEPING}}<p class="notice" role="status">Your session ended before this was saved. Nothing you typed is lost: sign in again and the form comes back filled in, ready to save.</p>{{/KEEPING}}
<form class="login-form" method="post" action="/admin/login">
  <input type="hidden" name="csrf" value="{{LOGIN_CSRF}}">
  {{#KEEPING}}<input type="hidden" name="return_to" value="{{RETURN_TO}}">{{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE:pre_escape}}">{{/HIDDEN}}{{/KEEPING}}
  <p><label for="username">Name</label>
  <input id="username" name="username" type="text" autocomplete="username" required maxlength="64" value="{{USERNAME}}"></p>
  <p><label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"></p>
  <p><button type="submit">Sign in</button></p>
</form>
{{>FOOTER}}
