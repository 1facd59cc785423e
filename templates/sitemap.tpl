{{%AUTOESCAPE context="XML"}}
<?xml version="1.0" encoding="utf-8"?>
{{#URLSET}}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{#URL}}<url><loc>{{LOC}}</loc>{{#LASTMOD}}<lastmod>{{DATE}}</lastmod>{{/LASTMOD}}</url>
{{/URL}}</urlset>{{/URLSET}}
{{#INDEX}}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{#SITEMAP}}<sitemap><loc>{{LOC}}</loc></sitemap>
{{/SITEMAP}}</sitemapindex>{{/INDEX}}
