{{%AUTOESCAPE context="HTML"}}
{{! admin_list.tpl: every item, drafts and scheduled ones included, newest first. }}
{{>HEADER}}
<h1 class="page-title">All items</h1>
<p><a class="button" href="/admin/new">New statement</a></p>
<form class="list-filter" method="get" action="/admin" role="search" aria-label="Filter the items">
  <p><label for="filter-status">Status</label>
  <select id="filter-status" name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select></p>
  <p><label for="filter-q">Title contains</label>
  <input id="filter-q" name="q" type="search" value="{{Q}}" maxlength="256"></p>
  <p><button type="submit" class="secondary">Filter</button></p>
</form>
<table class="admin-items">
  <thead><tr><th scope="col">Date</th><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Language</th><th scope="col">Status</th><th scope="col">Author</th></tr></thead>
  <tbody>
  {{#ROW}}
  <tr class="status-{{STATUS}}">
    <td><time datetime="{{DATE_ISO}}">{{DATE}}</time></td>
    <td><a href="{{EDIT_URL}}">{{TITLE}}</a></td>
    <td>{{KIND}}</td>
    <td><span class="lang">{{LANG}}</span>{{#STALE}} <span class="stale-flag" title="The original changed after this translation was last saved or checked">stale translation</span>{{/STALE}}</td>
    <td><span class="status">{{STATUS}}</span></td>
    <td>{{AUTHOR}}</td>
  </tr>
  {{/ROW}}
  </tbody>
</table>
{{#NO_ROWS}}<p class="empty">Nothing here yet.</p>{{/NO_ROWS}}
{{#NO_MATCH}}<p class="empty">No item has that status and title. <a href="/admin">Show all items</a></p>{{/NO_MATCH}}
{{#PREV}}<a class="pager-prev" rel="prev" href="{{PREV_URL}}">&larr; Newer</a>{{/PREV}}
{{#NEXT}}<a class="pager-next" rel="next" href="{{NEXT_URL}}">Older &rarr;</a>{{/NEXT}}
{{>FOOTER}}
