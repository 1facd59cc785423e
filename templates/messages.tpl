{{%AUTOESCAPE context="HTML"}}
{{! messages.tpl: all messages, filtered and paginated. }}
{{>HEADER}}
<h1 class="page-title">{{LIST_TITLE}}</h1>
<nav class="filters" aria-label="Filter messages">
  <ul>
    {{#TYPE_FILTER}}<li><a href="{{FILTER_URL}}"{{#FILTER_CURRENT}} aria-current="page"{{/FILTER_CURRENT}}>{{FILTER_LABEL}}</a></li>{{/TYPE_FILTER}}
  </ul>
  {{#YEAR_FILTER}}<p class="year-filter">Year {{YEAR}} &middot; <a href="{{ALL_YEARS_URL}}">all years</a></p>{{/YEAR_FILTER}}
</nav>
<ol class="item-list">
  {{#MESSAGE}}
  <li class="item item-summary item-{{ITEM_KIND}}">
    <p class="item-meta"><time datetime="{{ITEM_DATE_ISO}}">{{ITEM_DATE}}</time> <span class="item-type">{{ITEM_TYPE}}</span></p>
    <h2 class="item-title"><a href="{{ITEM_URL}}">{{ITEM_TITLE}}</a></h2>
    <p class="item-teaser">{{ITEM_TEASER}}</p>
  </li>
  {{/MESSAGE}}
</ol>
{{#NO_MESSAGES}}<p class="empty">No messages match.</p>{{/NO_MESSAGES}}
{{#PAGER}}<nav class="pager" aria-label="Pages"><span class="pager-current">Page {{PAGE}}</span>{{/PAGER}}
{{#PREV}}<a class="pager-prev" rel="prev" href="{{PREV_URL}}">&larr; Newer</a>{{/PREV}}
{{#NEXT}}<a class="pager-next" rel="next" href="{{NEXT_URL}}">Older &rarr;</a>{{/NEXT}}
{{#PAGER}}</nav>{{/PAGER}}
{{>FOOTER}}
