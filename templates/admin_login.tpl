{{%AUTOESCAPE context="HTML"}}
{{! admin_login.tpl: the sign-in form. }}
{{>HEADER}}
<h1 class="page-title">Sign in</h1>
{{#LOGIN_ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/LOGIN_ERROR}}
<form class="login-form" method="post" action="/admin/login">
  <input type="hidden" name="csrf" value="{{LOGIN_CSRF}}">
  <p><label for="username">Name</label>
  <input id="username" name="username" type="text" autocomplete="username" required maxlength="64" value="{{USERNAME}}"></p>
  <p><label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"></p>
  <p><button type="submit">Sign in</button></p>
</form>
{{>FOOTER}}
