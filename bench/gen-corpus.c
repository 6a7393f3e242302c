/* SPDX-License-Identifier: MIT */
/*
 * gen-corpus: write N seed-shaped news articles into DIR, for benchmarks
 * and for tests that compare counts with grep.
 *
 *   gen-corpus [-s SEED] [-b BYTES] N DIR
 *
 * Each article looks like the seed (data/000_bbf8aa7d2cb0c58b.md): a blank
 * line, YAML front matter (title, a category hierarchy, headimg, author,
 * comments, an RFC 2822 date, thumbnail, tags), then an HTML body of <p>
 * paragraphs on one line inside a <div>. Body sizes are long-tailed: most
 * a few KiB, about 2% tens of KiB, about 1 in 10,000 near 1 MiB (at least
 * one when N >= 1,000). -b BYTES makes every body about BYTES long instead.
 *
 * The output is a pure function of (SEED, N, BYTES): the same command
 * writes the same bytes, so tests can regenerate a corpus at will.
 *
 * What tests may rely on, and the reason for each rule:
 * - Chinese text appears only in the title, categories, author, tags and
 *   paragraph text, never in markup, so a grep count of a Chinese word is
 *   a count of articles whose indexed text holds it.
 * - Every paragraph ends with a sentence-ending mark, so no word is formed
 *   across a paragraph boundary that grep could not see.
 * - The Latin words of the text (LATIN[] below) occur nowhere in the
 *   markup, the front matter keys or the URLs.
 * - Files land in DIR/<category path>/NNNNNNN.md, a few thousand per
 *   directory at most for N up to 1M.
 *
 * The text's vocabulary is shaped like news: most words come from a large
 * synthetic vocabulary (SYN_WORDS words of 2 to 4 ideographs, the
 * ideographs themselves Zipf-distributed over SYN_CHARS of them), and one
 * word in eight from WORDS[], the real words, whose document frequencies
 * then range from most articles (the first few) to a few percent (the
 * last), so benchmarks can query words of known, varied frequency.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Words of the text. Zipf-distributed by position: early ones are common. */
static const char *const WORDS[] = {
	"会议", "疫情", "防控", "工作", "发展", "要求", "经济", "社会", "市场",
	"企业", "政府", "国家", "城市", "群众", "干部", "建设", "管理", "服务",
	"安全", "教育", "医疗", "科技", "创新", "改革", "政策", "资金", "项目",
	"数据", "平台", "技术", "产业", "消费", "投资", "价格", "交通", "环境",
	"能源", "农业", "文化", "旅游", "体育", "健康", "人才", "就业", "住房",
	"香港", "上海", "北京", "深圳", "广州", "大连", "杭州", "成都", "武汉",
	"南京", "西安", "重庆", "天津", "苏州", "长沙", "港口", "机场", "火车站",
	"冷链", "核酸", "检测", "隔离", "疫苗", "病例", "确诊", "无症状", "口罩",
	"记者", "消息", "发布", "报道", "采访", "表示", "指出", "强调", "认为",
	"今年", "去年", "明年", "上半年", "下半年", "季度", "同比", "环比", "增长",
	"下降", "持续", "稳定", "提高", "加强", "推进", "落实", "完善", "保障",
	"风险", "问题", "措施", "制度", "机制", "体系", "能力", "水平", "质量",
	"效率", "规模", "结构", "领域", "行业", "地区", "部门", "单位", "机构",
	"公司", "集团", "银行", "保险", "证券", "基金", "股市", "债券", "汇率",
	"新能源汽车", "人工智能", "大数据", "互联网", "芯片", "半导体", "手机",
	"电商", "直播", "短视频", "外卖", "快递", "物流", "供应链", "出口", "进口",
	"气候", "降雨", "台风", "高温", "寒潮", "地震", "洪水", "救援", "志愿者",
	"学校", "学生", "老师", "考试", "高考", "大学", "研究", "论文", "实验室",
	"医院", "医生", "患者", "药品", "手术", "诊断", "治疗", "康复", "养老",
	"社区", "街道", "居民", "物业", "垃圾分类", "停车", "地铁", "公交", "道路",
	"铁路", "高铁", "航班", "旅客", "游客", "景区", "酒店", "餐饮", "零售",
	"华为", "腾讯", "阿里巴巴", "字节跳动", "小米", "比亚迪", "宁德时代",
	"联合国", "世界卫生组织", "欧盟", "美国", "日本", "韩国", "英国", "德国",
	"法国", "俄罗斯", "印度", "巴西", "澳大利亚", "加拿大", "新加坡", "越南",
	"马丁·路德·金", "一带一路", "碳中和", "乡村振兴", "共同富裕", "营商环境",
	"溯源", "监管", "执法", "处罚", "调查", "通报", "问责", "整改", "督查",
	"壮士断腕", "猛药去疴", "万众一心", "众志成城", "只争朝夕", "砥砺前行",
};
#define NWORDS (sizeof WORDS / sizeof WORDS[0])

#define SYN_WORDS 40000	/* synthetic vocabulary */
#define SYN_CHARS 6000	/* ideographs it is made of */

/* Latin words of the text; none of them occurs in the markup or keys. */
static const char *const LATIN[] = {
	"Python", "Linux", "iPhone", "Tesla", "Beijing", "Shanghai", "COVID",
	"vaccine", "Omicron", "Android", "Windows", "Nasdaq", "Olympics",
	"Huawei", "Xiaomi", "Bitcoin", "ChatGPT", "Netflix", "YouTube", "Toyota",
};
#define NLATIN (sizeof LATIN / sizeof LATIN[0])

static const char *const CATS1[] = { "新媒体", "传统媒体", "博客", "科技", "财经" };
static const char *const CATS2[] = {
	"趣头条", "澎湃新闻", "央视网", "新浪", "网易", "界面", "虎嗅", "少数派",
};
static const char *const CATS3[] = { "分类", "要闻", "评论", "快讯" };
static const char *const AUTHORS[] = {
	"趣头条", "澎湃新闻", "央视网", "新华社", "人民日报", "财新", "第一财经",
	"界面新闻", "南方周末", "三联生活周刊",
};
static const char *const TAGS[] = {
	"疫情", "经济", "科技", "民生", "国际", "教育", "交通", "环境", "健康",
};
static const char *const DAYS[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char *const MONTHS[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec",
};
/* Sentence-internal and sentence-ending punctuation. */
static const char *const MID[] = { "，", "，", "，", "、", "；", "：" };
static const char *const END[] = { "。", "。", "。", "！", "？" };

/* xorshift64*: small, fast and reproducible across platforms. */
struct rng {
	uint64_t s;
};

static uint64_t
rng_next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 2685821657736338717ULL;
}

/* Uniform in [0, n). */
static size_t
rng_below(struct rng *r, size_t n)
{
	return (size_t)(rng_next(r) % n);
}

/* Uniform in [0, 1). */
static double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

/*
 * A Zipf-like index in [0, n): index i has weight about 1 / (i + 2), drawn
 * by inverting the continuous approximation of the harmonic sum.
 */
static size_t
rng_zipf(struct rng *r, size_t n)
{
	double u = rng_unit(r);
	double x = 2.0 * exp(u * log((n + 2) / 2.0)) - 2.0;
	size_t i = (size_t)x;
	return i < n ? i : n - 1;
}

/*
 * The ideograph of rank i (0 = most common): the ranks are scattered over
 * U+4E00..U+9FA5 by a multiplier coprime with the block's size, so common
 * and rare ideographs are spread over the block.
 */
static uint32_t
syn_char(size_t i)
{
	return 0x4E00 + (uint32_t)((i * 7919u) % 20902u);
}

static void
add_cp(char *p, size_t *n, uint32_t cp)
{
	p[(*n)++] = (char)(0xE0 | (cp >> 12));
	p[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
	p[(*n)++] = (char)(0x80 | (cp & 0x3F));
}

struct out;
static void out_add(struct out *o, const char *s, size_t n);
static size_t rng_zipf(struct rng *r, size_t n);

/* Synthetic word w: its own little stream picks length and ideographs. */
static void
syn_word(struct out *o, size_t w)
{
	struct rng r = { (w + 1) * 0xA24BAED4963EE407ULL };
	char tmp[12];
	size_t n = 0, len;

	rng_next(&r);
	len = 2 + (rng_below(&r, 20) < 12 ? 0 : rng_below(&r, 20) < 12 ? 1 : 2);
	for (size_t i = 0; i < len; i++)
		add_cp(tmp, &n, syn_char(rng_zipf(&r, SYN_CHARS)));
	out_add(o, tmp, n);
}

struct out {
	char *buf;
	size_t len, alloc;
};

static void
out_add(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->alloc) {
		size_t a = o->alloc ? o->alloc : 4096;
		while (a < o->len + n + 1)
			a *= 2;
		o->buf = realloc(o->buf, a);
		if (o->buf == NULL) {
			perror("gen-corpus");
			exit(1);
		}
		o->alloc = a;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void
out_adds(struct out *o, const char *s)
{
	out_add(o, s, strlen(s));
}

static void
out_addf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
out_addf(struct out *o, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		out_add(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* One sentence of 4..14 words, a Latin word now and then. */
static void
sentence(struct out *o, struct rng *r)
{
	size_t nw = 4 + rng_below(r, 11);

	for (size_t i = 0; i < nw; i++) {
		if (i > 0 && rng_below(r, 4) == 0)
			out_adds(o, MID[rng_below(r, sizeof MID / sizeof *MID)]);
		if (rng_below(r, 40) == 0) {
			/* Latin words stand between spaces, like scraped text. */
			const char *w = LATIN[rng_zipf(r, NLATIN)];
			out_adds(o, " ");
			switch (rng_below(r, 5)) {
			case 0: /* upper case */
				for (const char *p = w; *p; p++) {
					char c = *p >= 'a' && *p <= 'z' ? *p - 32 : *p;
					out_add(o, &c, 1);
				}
				break;
			case 1: /* lower case */
				for (const char *p = w; *p; p++) {
					char c = *p >= 'A' && *p <= 'Z' ? *p + 32 : *p;
					out_add(o, &c, 1);
				}
				break;
			default:
				out_adds(o, w);
			}
			out_adds(o, " ");
		} else if (rng_below(r, 30) == 0) {
			out_addf(o, "%zu", 1 + rng_below(r, 2021));
		} else if (rng_below(r, 8) == 0) {
			out_adds(o, WORDS[rng_zipf(r, NWORDS)]);
		} else {
			syn_word(o, rng_zipf(r, SYN_WORDS));
		}
	}
	out_adds(o, END[rng_below(r, sizeof END / sizeof *END)]);
}

/* A title: 3..7 words, no quotes, no punctuation at the ends. */
static void
title(struct out *o, struct rng *r)
{
	size_t nw = 3 + rng_below(r, 5);

	for (size_t i = 0; i < nw; i++) {
		if (i == nw / 2 && rng_below(r, 3) == 0)
			out_adds(o, "：");
		out_adds(o, WORDS[rng_zipf(r, NWORDS)]);
	}
}

/* The body size for article i: long-tailed, or fixed by -b. */
static size_t
body_size(struct rng *r, size_t i, size_t n, size_t fixed)
{
	double u = rng_unit(r);

	if (fixed)
		return fixed;
	if (u < 0.0001 || (n >= 1000 && i == n / 2))
		return 900 * 1024 + rng_below(r, 200 * 1024);
	if (u < 0.02)
		return 10 * 1024 + rng_below(r, 50 * 1024);
	return 1536 + rng_below(r, 6 * 1024);
}

static int
mkdirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(path, 0777) < 0 && errno != EEXIST)
		return -1;
	return 0;
}

static int
write_article(const char *dir, size_t i, size_t n, size_t fixed, struct rng *r)
{
	struct out o = { NULL, 0, 0 };
	const char *c1 = CATS1[rng_zipf(r, sizeof CATS1 / sizeof *CATS1)];
	const char *c2 = CATS2[rng_zipf(r, sizeof CATS2 / sizeof *CATS2)];
	const char *c3 = CATS3[rng_below(r, sizeof CATS3 / sizeof *CATS3)];
	int depth = 1 + (int)rng_below(r, 3);
	/* 2019-01-01 .. 2024-12-31, in seconds */
	time_t t = (time_t)1546300800 + (time_t)rng_below(r, 6u * 365 * 86400);
	size_t size = body_size(r, i, n, fixed);
	unsigned pic = (unsigned)rng_below(r, 5000);
	char path[4096];
	struct tm tm;
	FILE *fp;

	gmtime_r(&t, &tm);
	out_adds(&o, "\n---\ntitle: '");
	title(&o, r);
	out_adds(&o, "'\ncategories: \n");
	out_addf(&o, " - %s\n", c1);
	if (depth > 1)
		out_addf(&o, " - %s\n", c2);
	if (depth > 2)
		out_addf(&o, " - %s\n", c3);
	out_addf(&o, "headimg: 'https://picsum.photos/400/300?random=%u'\n", pic);
	out_addf(&o, "author: %s\n",
	    AUTHORS[rng_zipf(r, sizeof AUTHORS / sizeof *AUTHORS)]);
	out_adds(&o, "comments: false\n");
	out_addf(&o, "date: %s, %02d %s %04d %02d:%02d:%02d GMT\n",
	    DAYS[tm.tm_wday], tm.tm_mday, MONTHS[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (rng_below(r, 2) == 0)
		out_addf(&o, "tags: [%s, %s]\n",
		    TAGS[rng_below(r, sizeof TAGS / sizeof *TAGS)],
		    TAGS[rng_below(r, sizeof TAGS / sizeof *TAGS)]);
	out_addf(&o, "thumbnail: 'https://picsum.photos/400/300?random=%u'\n", pic);
	out_adds(&o, "---\n\n<div>   \n");

	size_t start = o.len;
	while (o.len - start < size) {
		size_t ns = 1 + rng_below(r, 5);
		out_adds(&o, "<p> ");
		if (rng_below(r, 8) == 0) {
			out_adds(&o, "<strong>");
			sentence(&o, r);
			out_adds(&o, "</strong>");
		}
		for (size_t s = 0; s < ns; s++)
			sentence(&o, r);
		out_adds(&o, "</p>");
		if (rng_below(r, 20) == 0)
			out_adds(&o, "<p><br></p>");
	}
	out_adds(&o, "  \n</div>\n            \n");

	snprintf(path, sizeof path, "%s/%s", dir, c1);
	if (depth > 1)
		snprintf(path + strlen(path), sizeof path - strlen(path), "/%s", c2);
	if (mkdirs(path) < 0) {
		fprintf(stderr, "gen-corpus: cannot create %s: %s\n", path,
		    strerror(errno));
		free(o.buf);
		return -1;
	}
	snprintf(path + strlen(path), sizeof path - strlen(path), "/%07zu.md", i);
	fp = fopen(path, "w");
	if (fp == NULL || fwrite(o.buf, 1, o.len, fp) != o.len || fclose(fp) != 0) {
		fprintf(stderr, "gen-corpus: cannot write %s: %s\n", path,
		    strerror(errno));
		free(o.buf);
		return -1;
	}
	/* A stable mtime, so a corpus's dates and scans are reproducible. */
	struct timespec ts[2] = { { t, 0 }, { t, 0 } };
	utimensat(AT_FDCWD, path, ts, 0);
	free(o.buf);
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: gen-corpus [-s SEED] [-b BYTES] N DIR\n");
}

int
main(int argc, char **argv)
{
	unsigned long long seed = 1887;
	size_t fixed = 0;
	int c;

	while ((c = getopt(argc, argv, "s:b:")) != -1) {
		switch (c) {
		case 's':
			seed = strtoull(optarg, NULL, 10);
			break;
		case 'b':
			fixed = (size_t)strtoull(optarg, NULL, 10);
			break;
		default:
			usage();
			return 2;
		}
	}
	if (argc - optind != 2) {
		usage();
		return 2;
	}
	size_t n = (size_t)strtoull(argv[optind], NULL, 10);
	const char *dir = argv[optind + 1];
	char *d = strdup(dir);
	if (d == NULL || mkdirs(d) < 0) {
		fprintf(stderr, "gen-corpus: cannot create %s\n", dir);
		free(d);
		return 1;
	}
	free(d);
	for (size_t i = 0; i < n; i++) {
		/* Each article draws from its own stream, so the articles
		 * of a smaller N are those of a larger one (but for the one
		 * forced to be big). */
		struct rng r = { (seed + 1) * 0x9E3779B97F4A7C15ULL ^ (i + 1) * 0xD1B54A32D192ED03ULL };
		for (int k = 0; k < 4; k++)
			rng_next(&r);
		if (write_article(dir, i, n, fixed, &r) < 0)
			return 1;
	}
	return 0;
}
