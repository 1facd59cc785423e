{{%AUTOESCAPE context="HTML"}}
{{! footer.tpl: the bottom of every page. }}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>{{SITE_NAME}}{{#CONTACTS}} &middot; {{CONTACT_LABEL}}: {{CONTACT_PHONE}}, <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a>{{/CONTACTS}}{{#ALERTS}} &middot; <a class="alerts-link" href="{{SUBSCRIBE_URL}}">{{W_EMAIL_ALERTS}}</a>{{/ALERTS}}</p>
    <p class="footer-links"><a href="{{HISTORY_URL}}">{{W_FOOTER_HISTORY}}</a> <a href="{{VERIFY_URL}}">{{W_FOOTER_VERIFY}}</a></p>
  </div>
</footer>
</body>
</html>
