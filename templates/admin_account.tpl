{{%AUTOESCAPE context="HTML"}}
{{! admin_account.tpl: an officer's own account: change the password. }}
{{>HEADER}}
<h1 class="page-title">Your account</h1>
{{#CHANGED}}<p class="notice" role="status">Your password is changed. Every other session of yours has ended: other browsers must sign in again with the new password.</p>{{/CHANGED}}
{{#ACCOUNT_ERROR}}<div class="form-errors" role="alert"><p>{{MESSAGE}}</p></div>{{/ACCOUNT_ERROR}}
<form class="login-form" method="post" action="/admin/account">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="text" name="username" autocomplete="username" value="{{USER_NAME}}" hidden>
  <h2>Change your password</h2>
  <p><label for="password">Current password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"></p>
  <p><label for="new_password">New password <span class="hint">(at least {{MIN}} characters)</span></label>
  <input id="new_password" name="new_password" type="password" autocomplete="new-password" required minlength="{{MIN}}" maxlength="1024"></p>
  <p><button type="submit">Change password</button></p>
</form>
{{>FOOTER}}
