{{%AUTOESCAPE context="HTML"}}
{{! admin_footer.tpl: the bottom of every press officer's page. }}
</main>
</body>
</html>
