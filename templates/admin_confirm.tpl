{{%AUTOESCAPE context="HTML"}}
{{! admin_confirm.tpl: the page that asks before an action the public cannot undo (withdrawing an item). }}
{{>HEADER}}
<h1 class="page-title">Withdraw “{{ITEM_TITLE}}”?</h1>
<div class="conflict">
  <p>The public page will answer “withdrawn” (410) with your note instead of the statement, and the item
  leaves the home page, the lists, the feeds and search. Readers cannot get it back: it can never be
  published again from here.</p>
  <p>Status now: <span class="status status-{{STATUS}}">{{STATUS}}</span>{{#PUBLIC_LINK}} &middot; <a href="{{PUBLIC_URL}}">the public page</a>{{/PUBLIC_LINK}}</p>
</div>
{{#CONFIRM_ERROR}}<div class="form-errors" role="alert"><p><a href="#withdraw-note">{{MESSAGE}}</a></p></div>{{/CONFIRM_ERROR}}
<form class="side-form danger" method="post" action="{{ITEM_ADMIN_URL}}/withdraw">
  <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
  <p class="field"><label for="withdraw-note">Withdrawal note, shown to the public (required)</label>
  <input id="withdraw-note" name="note" type="text" maxlength="500" required value="{{NOTE}}"{{#CONFIRM_ERROR}} aria-invalid="true"{{/CONFIRM_ERROR}}></p>
  <p class="buttons"><button type="submit" class="danger">Withdraw it</button> <a href="{{ITEM_ADMIN_URL}}">Cancel: keep it published</a></p>
</form>
{{>FOOTER}}
