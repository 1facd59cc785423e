{{%AUTOESCAPE context="HTML"}}
{{! admin_revisions.tpl: an item's revisions: the list to compare from, one revision read-only as it was, or two compared word by word. }}
{{>HEADER}}
<p><a href="{{ITEM_ADMIN_URL}}">Back to “{{ITEM_TITLE}}”</a></p>
{{#LIST}}
<h1 class="page-title">Revisions of “{{ITEM_TITLE}}”</h1>
<form method="get" action="{{ITEM_ADMIN_URL}}/revisions" class="revisions">
<table>
  <caption>Choose two revisions to compare: the older as “from”, the newer as “to”.</caption>
  <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Saved</th><th scope="col">By</th><th scope="col">What</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Open</span></th></tr></thead>
  <tbody>{{#ROW}}<tr>
    <td><input type="radio" name="rev" value="{{REV_ID}}" aria-label="Compare from revision {{REV_ID}}"{{#FROM_CHECKED}} checked{{/FROM_CHECKED}}></td>
    <td><input type="radio" name="to" value="{{REV_ID}}" aria-label="Compare to revision {{REV_ID}}"{{#TO_CHECKED}} checked{{/TO_CHECKED}}></td>
    <td><time datetime="{{AT_ISO}}">{{AT}}</time></td><td>{{WHO}}</td><td>{{ACTION}}{{#NOTE}}: {{NOTE}}{{/NOTE}}</td><td>{{STATUS}}</td>
    <td><a href="{{ITEM_ADMIN_URL}}/revisions?rev={{REV_ID}}">Open</a></td>
  </tr>{{/ROW}}</tbody>
</table>
<p><button type="submit" class="secondary">Compare</button></p>
</form>
{{/LIST}}
{{#ONE}}
<h1 class="page-title">Revision of {{AT}}</h1>
<p class="status-line">Saved by {{WHO}}: {{ACTION}} ({{STATUS}}){{#NOTE}}: {{NOTE}}{{/NOTE}}. Read-only: this is the item as it was then.</p>
<dl class="revision">
  <dt>Title</dt><dd>{{TITLE}}</dd>
  <dt>Publication time</dt><dd>{{PUBLISHED}}</dd>
  <dt>Teaser</dt><dd class="diff">{{TEASER:pre_escape}}</dd>
  <dt>Text</dt><dd class="diff">{{BODY:pre_escape}}</dd>
  <dt>Signature block</dt><dd class="diff">{{SIGNATURE:pre_escape}}</dd>
</dl>
<p><a href="{{ITEM_ADMIN_URL}}/revisions?rev={{REV_ID}}&amp;to={{LATEST}}">Compare with the current version</a> &middot; <a href="{{ITEM_ADMIN_URL}}/revisions">All revisions</a></p>
{{#CAN_RESTORE}}<form method="post" action="{{ITEM_ADMIN_URL}}/restore?rev={{REV_ID}}">
  <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{LATEST}}">
  <p><button type="submit" class="secondary">Restore this version</button> (saved as a new revision; nothing is overwritten or deleted)</p>
</form>{{/CAN_RESTORE}}
{{/ONE}}
{{#COMPARE}}
<h1 class="page-title">Changes from {{FROM_AT}} to {{TO_AT}}</h1>
<p>From the revision {{FROM_WHO}} saved ({{FROM_ACTION}}) to the one {{TO_WHO}} saved ({{TO_ACTION}}). <del>Struck through</del>: removed; <ins>underlined</ins>: added.</p>
{{>DIFF}}
<p><a href="{{ITEM_ADMIN_URL}}/revisions">All revisions</a></p>
{{/COMPARE}}
{{>FOOTER}}
