{{%AUTOESCAPE context="HTML"}}
{{! messages.tpl: all messages, filtered and paginated. }}
{{>HEADER}}
<h1 class="page-title">{{LIST_TITLE}}</h1>
<form class="search-form" role="search" aria-label="{{PAGE_SEARCH_LABEL}}" method="get" action="/messages">
  <label for="q">Search titles and texts</label>
  <input id="q" type="search" name="q" value="{{QUERY}}" maxlength="256">
  <button type="submit">Search</button>
</form>
{{#SEARCHED}}<p class="search-note">Results for &ldquo;{{QUERY}}&rdquo;, best first; the newest {{CANDIDATES}} matches are ranked.</p>{{/SEARCHED}}
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
    {{#SNIPPET}}<p class="item-snippet">{{#PART}}{{#HIT}}<mark>{{TEXT}}</mark>{{/HIT}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/PART}}</p>{{/SNIPPET}}
    <p class="item-teaser">{{ITEM_TEASER}}</p>
  </li>
  {{/MESSAGE}}
</ol>
{{#NO_MESSAGES}}<p class="empty">No messages match.</p>{{/NO_MESSAGES}}
{{#NO_RESULTS}}<p class="empty">No results. Try other or fewer words, or look through the archive below.</p>{{/NO_RESULTS}}
{{#PAGER}}<nav class="pager" aria-label="Pages"><span class="pager-current">Page {{PAGE}}</span>{{/PAGER}}
{{#PREV}}<a class="pager-prev" rel="prev" href="{{PREV_URL}}">&larr; Newer</a>{{/PREV}}
{{#NEXT}}<a class="pager-next" rel="next" href="{{NEXT_URL}}">Older &rarr;</a>{{/NEXT}}
{{#PAGER}}</nav>{{/PAGER}}
{{#ARCHIVE}}
<nav class="archive" aria-labelledby="archive-title">
  <h2 id="archive-title">Archive</h2>
  <ul class="archive-years">
    {{#ARCHIVE_YEAR}}<li><a href="{{URL}}"{{#YEAR_CURRENT}} aria-current="page"{{/YEAR_CURRENT}}>{{YEAR}}</a> <span class="count">({{COUNT}})</span>
      {{#MONTHS}}<ul class="archive-months">{{#ARCHIVE_MONTH}}<li><a href="{{URL}}"{{#MONTH_CURRENT}} aria-current="page"{{/MONTH_CURRENT}}>{{MONTH}}</a> <span class="count">({{COUNT}})</span></li>{{/ARCHIVE_MONTH}}</ul>{{/MONTHS}}
    </li>{{/ARCHIVE_YEAR}}
  </ul>
</nav>
{{/ARCHIVE}}
{{>FOOTER}}
