/* SPDX-License-Identifier: MIT */
/*
 * entity: HTML character references; see entity.h.
 *
 * The named table is two parts: the Latin-1 names, whose code points are
 * 160 + their index, and the rest with explicit code points. Lookups are
 * linear: references are rare in titles, and the scan is a few hundred
 * short compares.
 */
#include "config.h"
#include "entity.h"

#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

/* U+00A0 .. U+00FF in order. */
static const char *const latin1[96] = {
	"nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
	"uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
	"deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
	"cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
	"Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
	"Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
	"ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
	"Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
	"agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
	"egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
	"eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
	"oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
};

static const struct named {
	const char *name;
	uint32_t cp;
} named[] = {
	/* HTMLspecial */
	{ "quot", 34 }, { "amp", 38 }, { "apos", 39 }, { "lt", 60 },
	{ "gt", 62 }, { "OElig", 338 }, { "oelig", 339 }, { "Scaron", 352 },
	{ "scaron", 353 }, { "Yuml", 376 }, { "circ", 710 }, { "tilde", 732 },
	{ "ensp", 8194 }, { "emsp", 8195 }, { "thinsp", 8201 },
	{ "zwnj", 8204 }, { "zwj", 8205 }, { "lrm", 8206 }, { "rlm", 8207 },
	{ "ndash", 8211 }, { "mdash", 8212 }, { "lsquo", 8216 },
	{ "rsquo", 8217 }, { "sbquo", 8218 }, { "ldquo", 8220 },
	{ "rdquo", 8221 }, { "bdquo", 8222 }, { "dagger", 8224 },
	{ "Dagger", 8225 }, { "permil", 8240 }, { "lsaquo", 8249 },
	{ "rsaquo", 8250 }, { "euro", 8364 },
	/* HTMLsymbol */
	{ "fnof", 402 },
	{ "Alpha", 913 }, { "Beta", 914 }, { "Gamma", 915 }, { "Delta", 916 },
	{ "Epsilon", 917 }, { "Zeta", 918 }, { "Eta", 919 }, { "Theta", 920 },
	{ "Iota", 921 }, { "Kappa", 922 }, { "Lambda", 923 }, { "Mu", 924 },
	{ "Nu", 925 }, { "Xi", 926 }, { "Omicron", 927 }, { "Pi", 928 },
	{ "Rho", 929 }, { "Sigma", 931 }, { "Tau", 932 }, { "Upsilon", 933 },
	{ "Phi", 934 }, { "Chi", 935 }, { "Psi", 936 }, { "Omega", 937 },
	{ "alpha", 945 }, { "beta", 946 }, { "gamma", 947 }, { "delta", 948 },
	{ "epsilon", 949 }, { "zeta", 950 }, { "eta", 951 }, { "theta", 952 },
	{ "iota", 953 }, { "kappa", 954 }, { "lambda", 955 }, { "mu", 956 },
	{ "nu", 957 }, { "xi", 958 }, { "omicron", 959 }, { "pi", 960 },
	{ "rho", 961 }, { "sigmaf", 962 }, { "sigma", 963 }, { "tau", 964 },
	{ "upsilon", 965 }, { "phi", 966 }, { "chi", 967 }, { "psi", 968 },
	{ "omega", 969 }, { "thetasym", 977 }, { "upsih", 978 }, { "piv", 982 },
	{ "bull", 8226 }, { "hellip", 8230 }, { "prime", 8242 },
	{ "Prime", 8243 }, { "oline", 8254 }, { "frasl", 8260 },
	{ "weierp", 8472 }, { "image", 8465 }, { "real", 8476 },
	{ "trade", 8482 }, { "alefsym", 8501 },
	{ "larr", 8592 }, { "uarr", 8593 }, { "rarr", 8594 }, { "darr", 8595 },
	{ "harr", 8596 }, { "crarr", 8629 }, { "lArr", 8656 }, { "uArr", 8657 },
	{ "rArr", 8658 }, { "dArr", 8659 }, { "hArr", 8660 },
	{ "forall", 8704 }, { "part", 8706 }, { "exist", 8707 },
	{ "empty", 8709 }, { "nabla", 8711 }, { "isin", 8712 },
	{ "notin", 8713 }, { "ni", 8715 }, { "prod", 8719 }, { "sum", 8721 },
	{ "minus", 8722 }, { "lowast", 8727 }, { "radic", 8730 },
	{ "prop", 8733 }, { "infin", 8734 }, { "ang", 8736 }, { "and", 8743 },
	{ "or", 8744 }, { "cap", 8745 }, { "cup", 8746 }, { "int", 8747 },
	{ "there4", 8756 }, { "sim", 8764 }, { "cong", 8773 },
	{ "asymp", 8776 }, { "ne", 8800 }, { "equiv", 8801 }, { "le", 8804 },
	{ "ge", 8805 }, { "sub", 8834 }, { "sup", 8835 }, { "nsub", 8836 },
	{ "sube", 8838 }, { "supe", 8839 }, { "oplus", 8853 },
	{ "otimes", 8855 }, { "perp", 8869 }, { "sdot", 8901 },
	{ "lceil", 8968 }, { "rceil", 8969 }, { "lfloor", 8970 },
	{ "rfloor", 8971 }, { "lang", 0x27E8 }, { "rang", 0x27E9 },
	{ "loz", 9674 }, { "spades", 9824 }, { "clubs", 9827 },
	{ "hearts", 9829 }, { "diams", 9830 },
};

/* What HTML reads &#x80; .. &#x9F; as (0: keep the code point). */
static const uint16_t cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

#define LONGEST_NAME 8		/* "thetasym" */

uint32_t
entity_named(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof latin1 / sizeof *latin1; i++)
		if (strlen(latin1[i]) == len && memcmp(latin1[i], name, len) == 0)
			return 160 + (uint32_t)i;
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (strlen(named[i].name) == len &&
		    memcmp(named[i].name, name, len) == 0)
			return named[i].cp;
	return 0;
}

static uint32_t
numeric_cp(uint32_t v)
{
	if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return UTF8_REPLACEMENT;
	if (v >= 0x80 && v <= 0x9F && cp1252[v - 0x80])
		return cp1252[v - 0x80];
	return v;
}

static bool
is_hex(char c, uint32_t *d)
{
	if (c >= '0' && c <= '9')
		*d = (uint32_t)(c - '0');
	else if (c >= 'a' && c <= 'f')
		*d = (uint32_t)(c - 'a' + 10);
	else if (c >= 'A' && c <= 'F')
		*d = (uint32_t)(c - 'A' + 10);
	else
		return false;
	return true;
}

size_t
entity_numeric(const char *s, size_t len, uint32_t *cp)
{
	size_t i = 2;
	bool hex;
	uint32_t v = 0, d;
	size_t start;

	if (len < 3 || s[0] != '&' || s[1] != '#')
		return 0;
	hex = s[i] == 'x' || s[i] == 'X';
	i += hex ? 1 : 0;
	start = i;
	while (i < len && (hex ? is_hex(s[i], &d) :
	    (s[i] >= '0' && s[i] <= '9' && (d = (uint32_t)(s[i] - '0'),
	    true)))) {
		if (v <= 0x10FFFF)
			v = v * (hex ? 16 : 10) + d;
		i++;
	}
	if (i == start)
		return 0;
	if (i < len && s[i] == ';')
		i++;
	*cp = numeric_cp(v);
	return i;
}

/*
 * Decode the reference at s[0] == '&'. Returns its length and sets *cp,
 * or returns 0 when s does not start a reference.
 */
static size_t
reference(const char *s, size_t len, uint32_t *cp)
{
	size_t i = 1;

	if (i < len && s[i] == '#')
		return entity_numeric(s, len, cp);
	while (i < len && i <= LONGEST_NAME + 1 &&
	    ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
	    (s[i] >= '0' && s[i] <= '9')))
		i++;
	if (i == 1 || i >= len || s[i] != ';')
		return 0;
	if ((*cp = entity_named(s + 1, i - 1)) == 0)
		return 0;
	return i + 1;
}

void
entity_decode(struct buf *out, const char *s, size_t len)
{
	const char *end = s + len, *amp;

	while ((amp = memchr(s, '&', (size_t)(end - s))) != NULL) {
		uint32_t cp;
		size_t n;

		buf_add(out, s, (size_t)(amp - s));
		if ((n = reference(amp, (size_t)(end - amp), &cp)) == 0) {
			buf_addc(out, '&');
			s = amp + 1;
			continue;
		}
		utf8_add(out, cp);
		s = amp + n;
	}
	buf_add(out, s, (size_t)(end - s));
}
