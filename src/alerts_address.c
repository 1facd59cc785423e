/* alerts_address.c: the subscribe form's address check (see alerts_address.h for the rules and why). */
#include "alerts_address.h"

#include <string.h>

#include "i18n.h"

/* RFC 5322 atext: what a dot-atom's atoms may hold besides letters and digits. */
static int atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

static int ldh(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/* A dot-atom: atoms of atext joined by single dots, none at either end. */
static int dot_atom(const char *s, size_t n)
{
	if (n == 0 || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '.' ? s[i + 1] == '.' : !atext((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Labels of 1..63 letters, digits and hyphens, not starting or ending with a hyphen, at least two, the last
 * not all digits (that would be an IP address, not a name). */
static int domain_name(const char *s, size_t n)
{
	size_t labels = 0, start = 0;
	int digits_only = 1;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '.') {
			if (!ldh((unsigned char)s[i]))
				return 0;
			if (s[i] < '0' || s[i] > '9')
				digits_only = 0;
			continue;
		}
		size_t len = i - start;
		if (len == 0 || len > ALERTS_LABEL_MAX || s[start] == '-' || s[i - 1] == '-')
			return 0;
		labels++;
		if (i < n)
			digits_only = 1;
		start = i + 1;
	}
	return labels >= 2 && !digits_only;
}

const char *alerts_address_check(const char *typed, size_t len, char out[ALERTS_ADDRESS_MAX + 1])
{
	out[0] = '\0';
	if (len == 0)
		return I18N_NOOP("Enter an email address.");
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)typed[i];
		if (c < 0x20 || c == 0x7F || c == ' ')
			return I18N_NOOP("An email address cannot contain spaces, line breaks or other control characters.");
	}
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)typed[i] >= 0x80)
			return I18N_NOOP("Only addresses in ASCII letters are accepted: write an internationalised domain "
			                 "in its xn-- form.");
	if (len > ALERTS_ADDRESS_MAX)
		return I18N_NOOP("An email address has at most 254 characters.");
	const char *at = memchr(typed, '@', len);
	if (typed[0] == '"' || (at && memchr(typed, '"', (size_t)(at - typed))))
		return I18N_NOOP("Quoted names (\"...\"@) are not accepted: use an address such as name@example.org.");
	if (at == NULL || at == typed || at == typed + len - 1 || memchr(at + 1, '@', len - (size_t)(at - typed) - 1))
		return I18N_NOOP("An email address has one @ between a name and a domain, such as name@example.org.");
	size_t local = (size_t)(at - typed), domain = len - local - 1;
	if (local > ALERTS_LOCAL_MAX)
		return I18N_NOOP("The part before the @ has at most 64 characters.");
	if (!dot_atom(typed, local))
		return I18N_NOOP("The part before the @ may hold letters, digits, single dots inside it, and "
		                 "! # $ % & ' * + - / = ? ^ _ ` { | } ~ only.");
	if (!domain_name(at + 1, domain))
		return I18N_NOOP("The domain must be a name such as example.org: letters, digits and hyphens, in parts "
		                 "joined by dots.");
	memcpy(out, typed, len);
	out[len] = '\0';
	for (char *p = out + local + 1; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return NULL;
}
