/* SPDX-License-Identifier: MIT */
/*
 * fake-codeset.so, preloaded by tests/locale.sh: nl_langinfo(CODESET)
 * answers "ANSI_X3.4-1968" whatever the locale, as on a system with no
 * UTF-8 locale at all. Debian's glibc has C.UTF-8 built in, so the only
 * way to see newsreader's last locale fallback fail is to be lied to.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <langinfo.h>

char *
nl_langinfo(nl_item item)
{
	static char *(*real)(nl_item);

	if (item == CODESET)
		return (char *)"ANSI_X3.4-1968";
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "nl_langinfo");
	return real ? real(item) : (char *)"";
}
