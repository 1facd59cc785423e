{{%AUTOESCAPE context="HTML"}}
{{! messages.tpl: all messages, filtered and paginated. }}
{{>HEADER}}
<h1 class="page-title">{{LIST_TITLE}}</h1>
<form class="search-form" role="search" aria-label="{{PAGE_SEARCH_LABEL}}" method="get" action="{{MESSAGES_URL}}">
  <label for="q">{{W_SEARCH_TITLES_AND_TEXTS}}</label>
  <input id="q" type="search" name="q" value="{{QUERY}}" maxlength="256">
  {{#SEARCH_LANG}}<input type="hidden" name="lang" value="{{SEARCH_LANG_TAG}}">{{/SEARCH_LANG}}<button type="submit">{{W_SEARCH}}</button>
</form>
{{#SEARCHED}}<p class="search-note">{{RESULT_COUNT}}{{#RANKED_ONLY}}; {{RANKED_NOTE}}{{/RANKED_ONLY}}</p>{{/SEARCHED}}
{{#SEARCH_ALL}}<p class="search-all"><a href="{{SEARCH_ALL_URL}}">{{SEARCH_ALL_TEXT}}</a></p>{{/SEARCH_ALL}}
<nav class="filters" aria-label="{{W_FILTER_MESSAGES}}">
  <ul>
    {{#TYPE_FILTER}}<li><a href="{{FILTER_URL}}"{{#FILTER_CURRENT}} aria-current="page"{{/FILTER_CURRENT}}>{{FILTER_LABEL}}</a></li>{{/TYPE_FILTER}}
  </ul>
  {{#LANG_FILTER}}<ul class="lang-filter" aria-label="{{W_LANGUAGE}}">{{#LANG_CHOICE}}<li><a href="{{FILTER_URL}}"{{#FILTER_CURRENT}} aria-current="page"{{/FILTER_CURRENT}}>{{FILTER_LABEL}}</a></li>{{/LANG_CHOICE}}</ul>{{/LANG_FILTER}}
  {{#YEAR_FILTER}}<p class="year-filter">{{W_YEAR}} {{YEAR}}: {{YEAR_COUNT}} &middot; <a href="{{ALL_YEARS_URL}}">{{W_ALL_YEARS}}</a></p>{{/YEAR_FILTER}}
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
{{#NO_MESSAGES}}<p class="empty">{{W_NO_MESSAGES}}</p>{{/NO_MESSAGES}}
{{#NO_RESULTS}}<p class="empty">{{W_NO_RESULTS}}</p>{{/NO_RESULTS}}
{{#PAGER}}<nav class="pager" aria-label="{{W_PAGES}}"><span class="pager-current">{{W_PAGE}} {{PAGE}}</span>{{/PAGER}}
{{#PREV}}<a class="pager-prev" rel="prev" href="{{PREV_URL}}">&larr; {{PREV_LABEL}}</a>{{/PREV}}
{{#NEXT}}<a class="pager-next" rel="next" href="{{NEXT_URL}}">{{NEXT_LABEL}} &rarr;</a>{{/NEXT}}
{{#PAGER}}</nav>{{/PAGER}}
{{#ARCHIVE}}
<nav class="archive" aria-labelledby="archive-title">
  <h2 id="archive-title">{{W_ARCHIVE}}</h2>
  <ul class="archive-years">
    {{#ARCHIVE_YEAR}}<li><a href="{{URL}}"{{#YEAR_CURRENT}} aria-current="page"{{/YEAR_CURRENT}}>{{YEAR}}</a> <span class="count">({{COUNT}})</span>
      {{#MONTHS}}<ul class="archive-months">{{#ARCHIVE_MONTH}}<li><a href="{{URL}}"{{#MONTH_CURRENT}} aria-current="page"{{/MONTH_CURRENT}}>{{MONTH}}</a> <span class="count">({{COUNT}})</span></li>{{/ARCHIVE_MONTH}}</ul>{{/MONTHS}}
    </li>{{/ARCHIVE_YEAR}}
  </ul>
</nav>
{{/ARCHIVE}}
{{>FOOTER}}
