/* Chinese transcripts and call minutes: lines that start with a speaker
 * prefix ("主持人：", "嘉宾：", "问：", "答：", "Q1：", "张三（某公司，董事长）：",
 * full-width or ASCII colon and brackets), section lines ("问答环节",
 * "二、交流环节", "Q&A"), and a header (event title, date) before the
 * first speaker. Each non-empty line of speech is a paragraph; the text
 * after a speaker prefix is the turn's first paragraph. Simplified and
 * Traditional forms are both in the tables.
 *
 * A bare name ("张总：", "李明：") is easy to confuse with a topic line
 * ("成本端：", "海外市场：") that ends in a colon too, so one is taken only
 * when it starts with a common surname and is used as a prefix at least
 * twice, has an honorific (总, 先生, 博士...), or was seen before with a
 * bracketed title. A first pass counts the candidates. */
#include <stdlib.h>
#include <string.h>

#include "parsers.h"

/* ---- tables ------------------------------------------------------------- */

typedef enum { K_HOST, K_EXPERT, K_ASK, K_ANSWER, K_EXEC, K_IR } label_kind;
static const ea_role label_role[] = {EA_ROLE_HOST,      EA_ROLE_EXPERT,    EA_ROLE_ANALYST,
                                     EA_ROLE_EXECUTIVE, EA_ROLE_EXECUTIVE, EA_ROLE_IR};

/* Labels that name a role, not a person. Matched against the whole name
 * part (trailing numbers removed: "问1", "Q2"). */
static const struct {
    const char *s;
    label_kind k;
} labels[] = {
    {"主持人", K_HOST},   {"会议主持", K_HOST}, {"會議主持", K_HOST}, {"主持", K_HOST},
    {"特邀嘉宾", K_EXPERT}, {"特邀嘉賓", K_EXPERT}, {"嘉宾", K_EXPERT}, {"嘉賓", K_EXPERT},
    {"专家", K_EXPERT},   {"專家", K_EXPERT},   {"提问", K_ASK},      {"提問", K_ASK},
    {"问题", K_ASK},      {"問題", K_ASK},      {"问", K_ASK},        {"問", K_ASK},
    {"投资者", K_ASK},    {"投資者", K_ASK},    {"分析师", K_ASK},    {"分析師", K_ASK},
    {"Q", K_ASK},         {"\xEF\xBC\xB1", K_ASK}, /* Ｑ */
    {"回答", K_ANSWER},   {"答", K_ANSWER},     {"A", K_ANSWER},      {"\xEF\xBC\xA1", K_ANSWER}, /* Ａ */
    {"管理层", K_EXEC},   {"管理層", K_EXEC},   {"董秘", K_IR},
};

/* Section lines, after enumerators ("二、", "第二部分") and brackets are
 * removed. */
static const struct {
    const char *s;
    ea_section sec;
} section_lines[] = {
    {"问答环节", EA_SECTION_QA},   {"問答環節", EA_SECTION_QA},   {"交流环节", EA_SECTION_QA},
    {"交流環節", EA_SECTION_QA},   {"提问环节", EA_SECTION_QA},   {"提問環節", EA_SECTION_QA},
    {"互动环节", EA_SECTION_QA},   {"互動環節", EA_SECTION_QA},   {"互动交流", EA_SECTION_QA},
    {"互動交流", EA_SECTION_QA},   {"问答交流", EA_SECTION_QA},   {"問答交流", EA_SECTION_QA},
    {"投资者问答", EA_SECTION_QA}, {"投資者問答", EA_SECTION_QA}, {"问答", EA_SECTION_QA},
    {"問答", EA_SECTION_QA},       {"Q&A环节", EA_SECTION_QA},    {"Q&A環節", EA_SECTION_QA},
    {"Q&A", EA_SECTION_QA},        {"Q & A", EA_SECTION_QA},      {"Q&A Session", EA_SECTION_QA},
    {"提问", EA_SECTION_QA},       {"提問", EA_SECTION_QA},       {"交流", EA_SECTION_QA},
    {"主题发言", EA_SECTION_PREPARED}, {"主題發言", EA_SECTION_PREPARED},
    {"专家发言", EA_SECTION_PREPARED}, {"專家發言", EA_SECTION_PREPARED},
    {"嘉宾发言", EA_SECTION_PREPARED}, {"嘉賓發言", EA_SECTION_PREPARED},
    {"管理层发言", EA_SECTION_PREPARED}, {"管理層發言", EA_SECTION_PREPARED},
    {"公司介绍", EA_SECTION_PREPARED}, {"公司介紹", EA_SECTION_PREPARED},
    {"业绩介绍", EA_SECTION_PREPARED}, {"業績介紹", EA_SECTION_PREPARED},
    {"业绩回顾", EA_SECTION_PREPARED}, {"業績回顧", EA_SECTION_PREPARED},
    {"开场", EA_SECTION_INTRO},    {"開場", EA_SECTION_INTRO},    {"开场白", EA_SECTION_INTRO},
    {"開場白", EA_SECTION_INTRO},  {"开场介绍", EA_SECTION_INTRO}, {"開場介紹", EA_SECTION_INTRO},
    {"结束语", EA_SECTION_CLOSING}, {"結束語", EA_SECTION_CLOSING},
};

/* Keys of header lines ("时间：2024年5月8日"), never speakers. */
static const char *const meta_keys[] = {
    "时间", "時間", "日期", "地点", "地點", "主题", "主題", "标题", "標題", "会议名称", "會議名稱",
    "来源", "來源", "行业", "行業", "公司", "备注", "備註", "注", "摘要", "要点", "要點", "纪要",
    "紀要", "形式", "方式", "链接", "鏈接", "主办方", "主辦方", "整理", "记录", "記錄", "关键词",
    "關鍵詞", "核心观点", "核心觀點", "股票代码", "股票代碼", "代码", "代碼"};
/* ... and keys ending so ("会议时间", "参会人员") */
static const char *const meta_suffixes[] = {"时间", "時間", "日期", "地点", "地點", "主题", "主題",
                                            "人员", "人員", "名单", "名單", "要点", "要點"};
static const char *const title_keys[] = {"主题", "主題", "会议主题", "會議主題", "标题", "標題",
                                         "会议名称", "會議名稱"};

/* Event titles ("XX行业交流会", "某公司2024年第一季度业绩说明会"). */
static const char *const title_words[] = {
    "会", "會", "纪要", "紀要", "交流", "调研", "調研", "路演", "电话", "電話", "业绩", "業績",
    "说明", "說明", "分享", "访谈", "訪談", "专家", "專家", "call", "Call", "CALL"};

/* Common surnames (Simplified and Traditional). Each is one BMP ideograph,
 * three bytes, so a search in this string can only hit whole characters. */
static const char surnames[] =
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅高郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧"
    "曹彭曾肖萧蕭田董潘袁蔡蒋蔣余于杜叶葉程魏苏蘇吕呂丁任卢盧姚沈钟鍾姜崔谭譚陆陸范汪廖石金韦韋"
    "贾賈夏付傅方邹鄒熊白孟秦邱侯江尹薛闫閆段雷龙龍黎史陶贺賀毛郝顾顧龚龔邵万萬覃武钱錢戴严嚴"
    "欧歐莫孔向常汤湯康易乔喬赖賴文施洪辛柯庄莊樊殷翟聂聶倪包牛温溫岳季申祝葛安齐齊颜顏鲁魯"
    "焦柴章俞凌耿詹关關单單蓝藍阮纪紀尚梅宁寧盛童路查骆駱甘邢卓褚司";

/* Characters that rarely appear in a name but often in a topic line or a
 * sentence before a colon. */
static const char stop_chars[] =
    "的了是在有我你他她它们們这這那个個些就都也要会會说說对對与與和及或但而如因所以为為从從到把被"
    "让讓给給将將很更最还還又再不没沒吗嗎呢吧啊么麼什怎哪谁誰几幾多少第点點"
    "面端场場率量额額价價格本况況题題间間期环環节節业業品类類性化下上内內外前后後年月日度式情"
    "问問答主持嘉宾賓请請各位好您";

static const char *const honorifics[] = {"总", "總", "先生", "女士", "博士", "老师", "老師", "教授", "总监",
                                         "總監", "经理", "經理", "董", "律师", "律師"};

/* Words in a bracket that make it a title or a firm. */
static const char *const org_words[] = {
    "公司", "集团", "集團", "证券", "證券", "资本", "資本", "基金", "银行", "銀行", "科技", "资产", "資產",
    "投资", "投資", "研究", "研究所", "大学", "大學", "机构", "機構", "有限", "股份", "控股", "Inc", "Ltd",
    "Capital", "Securities", "前", "原"};

/* ---- small UTF-8 helpers ------------------------------------------------ */

static int at(const char *p, const char *end, const char *lit) {
    size_t n = strlen(lit);
    return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

static int in_set(const char *set, const char *p, const char *end) {
    if (end - p < 3) return 0;
    char ch[4] = {p[0], p[1], p[2], 0};
    return (unsigned char)p[0] >= 0xE0 && ea_find(ea_str_make(set, strlen(set)), ch) != NULL;
}

/* One code point at p; 0 at the end. */
static uint32_t cp_at(const char *p, const char *end, int *n) {
    if (p >= end) {
        *n = 0;
        return 0;
    }
    uint32_t cp;
    *n = ea_utf8_next((const unsigned char *)p, (const unsigned char *)end, &cp);
    return cp;
}

static int is_colon(const char *p, const char *end, size_t *len) {
    if (p < end && *p == ':') return (int)(*len = 1);
    if (p < end && (unsigned char)*p == 0xEF && at(p, end, "\xEF\xBC\x9A")) return (int)(*len = 3); /* ： */
    return 0;
}

/* ASCII or full-width digit at p: its length, else 0. */
static int digit_len(const char *p, const char *end) {
    if (p < end && ea_is_digit((unsigned char)*p)) return 1;
    if (end - p >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC &&
        (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99)
        return 3;
    return 0;
}

/* Copy s into buf with full-width digits, colon, slash and parentheses made
 * ASCII (for ea_find_date / ea_find_period); cut at a UTF-8 boundary. */
static ea_str ascii_digits(ea_str s, char *buf, size_t cap) {
    size_t o = 0;
    const char *p = s.ptr, *end = s.ptr + s.len;
    while (p < end && o + 4 < cap) {
        if (digit_len(p, end) == 3) {
            buf[o++] = (char)('0' + ((unsigned char)p[2] - 0x90));
            p += 3;
        } else if (at(p, end, "\xEF\xBC\x9A")) {
            buf[o++] = ':';
            p += 3;
        } else if (at(p, end, "\xEF\xBC\x8F")) {
            buf[o++] = '/';
            p += 3;
        } else if (at(p, end, "\xEF\xBC\x8D")) {
            buf[o++] = '-';
            p += 3;
        } else {
            buf[o++] = *p++;
        }
    }
    o = ea_utf8_floor(buf, o);
    return ea_str_make(buf, o);
}

static int count_cjk(ea_str s, size_t *others) {
    const char *p = s.ptr, *end = s.ptr + s.len;
    int n = 0;
    size_t o = 0;
    while (p < end) {
        int k;
        uint32_t cp = cp_at(p, end, &k);
        if (ea_is_cjk(cp)) n++;
        else o++;
        p += k;
    }
    *others = o;
    return n;
}

static int has_stop_char(ea_str s) {
    for (const char *p = s.ptr, *end = s.ptr + s.len; p < end; p++)
        if (in_set(stop_chars, p, end)) return 1;
    return 0;
}

static int in_list(ea_str s, const char *const *list, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s.len == strlen(list[i]) && memcmp(s.ptr, list[i], s.len) == 0) return 1;
    return 0;
}

static int is_meta_key(ea_str k) {
    if (in_list(k, meta_keys, sizeof meta_keys / sizeof meta_keys[0])) return 1;
    for (size_t i = 0; i < sizeof meta_suffixes / sizeof meta_suffixes[0]; i++)
        if (k.len > strlen(meta_suffixes[i]) && ea_iends(k, meta_suffixes[i])) return 1;
    return 0;
}

static int has_org_word(ea_str s) {
    for (size_t i = 0; i < sizeof org_words / sizeof org_words[0]; i++)
        if (ea_find(s, org_words[i])) return 1;
    return 0;
}

/* ---- section lines ------------------------------------------------------ */

static int cjk_numeral(uint32_t cp) {
    static const uint32_t nums[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
                                    0x516B, 0x4E5D, 0x5341, 0x96F6, 0x3007, 0x58F9, 0x8D30, 0x53C1};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
        if (cp == nums[i]) return 1;
    return 0;
}

/* The line without enumerators ("二、", "2.", "（一）", "第二部分：") and
 * brackets ("【", "】", "#"). */
static ea_str section_core(ea_str l) {
    const char *p = l.ptr, *end = l.ptr + l.len;
    for (int round = 0; round < 4; round++) {
        const char *q = p;
        int k;
        while (q < end && (*q == ' ' || *q == '#' || *q == '*' || *q == '[' || *q == '(' ||
                           at(q, end, "【") || at(q, end, "（") || at(q, end, "\xE3\x80\x80")))
            q += (unsigned char)*q < 0x80 ? 1 : 3;
        const char *n = q;
        int first = at(n, end, "第");
        if (first) n += 3;
        int nums = 0;
        for (;;) {
            int d = digit_len(n, end);
            uint32_t cp = cp_at(n, end, &k);
            if (d) n += d;
            else if (k && cjk_numeral(cp)) n += k;
            else break;
            nums++;
        }
        if (nums) {
            if (first && (at(n, end, "部分") || at(n, end, "环节") || at(n, end, "環節")))
                n += 6;
            else if (first && (at(n, end, "节") || at(n, end, "節") || at(n, end, "章") ||
                               at(n, end, "部")))
                n += 3;
            else if (!first && (at(n, end, "、") || at(n, end, "．") || at(n, end, "）") ||
                                at(n, end, "】")))
                n += 3;
            else if (!first && n < end && (*n == '.' || *n == ')' || *n == ']'))
                n += 1;
            else
                n = q;
        }
        while (n < end && (*n == ' ' || *n == ':' || *n == ']' || *n == ')' || at(n, end, "：") ||
                           at(n, end, "】") || at(n, end, "）") || at(n, end, "\xE3\x80\x80")))
            n += (unsigned char)*n < 0x80 ? 1 : 3;
        if (n == p) break;
        p = n;
    }
    /* trailing colon, brackets */
    while (end > p) {
        if (end[-1] == ' ' || end[-1] == ':' || end[-1] == ']' || end[-1] == ')' || end[-1] == '#' ||
            end[-1] == '*') {
            end--;
            continue;
        }
        if (end - p >= 3 && (memcmp(end - 3, "：", 3) == 0 || memcmp(end - 3, "】", 3) == 0 ||
                             memcmp(end - 3, "）", 3) == 0)) {
            end -= 3;
            continue;
        }
        break;
    }
    return ea_str_make(p, (size_t)(end - p));
}

/* Returns 1 and sets *sec when the whole line names a section. */
static int section_line(ea_str l, ea_section *sec) {
    if (l.len > 60) return 0;
    ea_str core = section_core(l);
    for (size_t i = 0; i < sizeof section_lines / sizeof section_lines[0]; i++) {
        const char *s = section_lines[i].s;
        int ascii = (unsigned char)s[0] < 0x80;
        if (core.len == strlen(s) && (ascii ? ea_ieq(core, s) : memcmp(core.ptr, s, core.len) == 0)) {
            *sec = section_lines[i].sec;
            return 1;
        }
    }
    return 0;
}

/* ---- speaker prefixes --------------------------------------------------- */

enum { P_NONE, P_LABEL, P_NAMED, P_BARE };

typedef struct {
    int kind;
    ea_str name;    /* as written, numbers kept ("Q1") */
    ea_str bracket; /* inside the brackets; empty when none */
    label_kind label;
    size_t text;    /* offset of the text after the colon (or line end) */
    int honorific;
    int surname;
} prefix_t;

/* Name part before the bracket or colon: at most 48 bytes, no sentence
 * punctuation. */
static int label_of(ea_str name, label_kind *k) {
    /* "问1", "Q2", "Ｑ３": the number does not change the label */
    const char *end = name.ptr + name.len;
    for (;;) {
        if (end > name.ptr && ea_is_digit((unsigned char)end[-1])) end--;
        else if (end - name.ptr >= 3 && (unsigned char)end[-3] == 0xEF && (unsigned char)end[-2] == 0xBC &&
                 (unsigned char)end[-1] >= 0x90 && (unsigned char)end[-1] <= 0x99)
            end -= 3;
        else break;
    }
    ea_str core = ea_trim(ea_str_make(name.ptr, (size_t)(end - name.ptr)));
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        if (core.len == strlen(labels[i].s) && memcmp(core.ptr, labels[i].s, core.len) == 0) {
            *k = labels[i].k;
            return 1;
        }
    }
    return 0;
}

/* A person's name: 2-4 ideographs without stop characters, a name with an
 * honorific ("张总", "王先生"), or a Latin name. */
static int name_shape(ea_str n, prefix_t *out) {
    size_t others;
    int cjk = count_cjk(n, &others);
    out->surname = cjk > 0 && in_set(surnames, n.ptr, n.ptr + n.len);
    out->honorific = 0;
    if (cjk && !others) {
        for (size_t i = 0; i < sizeof honorifics / sizeof honorifics[0]; i++) {
            size_t hl = strlen(honorifics[i]);
            if (n.len <= hl || !ea_iends(n, honorifics[i])) continue;
            ea_str base = ea_str_make(n.ptr, n.len - hl);
            if (base.len > 9 || has_stop_char(base)) continue;
            if (hl == 3 && !out->surname) continue; /* "张总", not "汇总" */
            out->honorific = 1;
            return 1;
        }
        return cjk >= 2 && cjk <= 4 && !has_stop_char(n);
    }
    if (!cjk) {
        size_t words = 1;
        for (size_t i = 0; i < n.len; i++) words += n.ptr[i] == ' ';
        return words <= 3 && ea_looks_like_name(n);
    }
    return 0;
}

static int parse_prefix(const char *t, ea_str l, prefix_t *out) {
    memset(out, 0, sizeof *out);
    const char *p = l.ptr, *end = l.ptr + l.len, *lim = l.len > 48 ? p + 48 : end;
    const char *q = p;
    size_t cl;
    while (q < lim && !is_colon(q, end, &cl) && *q != '(' && !((unsigned char)*q == 0xEF && at(q, end, "（"))) {
        unsigned char ch = (unsigned char)*q;
        /* the full-width marks all start with E2, E3 or EF */
        if (ch == ',' || ch == '.' || ch == '?' || ch == '!' || ch == ';' || ch == '"' ||
            ((ch == 0xE2 || ch == 0xE3 || ch == 0xEF) &&
             (at(q, end, "，") || at(q, end, "。") || at(q, end, "？") || at(q, end, "！") || at(q, end, "、") ||
              at(q, end, "；") || at(q, end, "“") || at(q, end, "”"))))
            return 0;
        int k;
        cp_at(q, end, &k);
        q += k ? k : 1;
    }
    if (q >= lim && !(q == end && q > p)) return 0;
    ea_str name = ea_trim(ea_str_make(p, (size_t)(q - p)));
    if (!name.len) return 0;
    if (q < end && (*q == '(' || at(q, end, "（"))) {
        const char *b = q + (*q == '(' ? 1 : 3), *be = b;
        const char *blim = (size_t)(end - b) > 160 ? b + 160 : end;
        while (be < blim && *be != ')' && !at(be, end, "）")) be++;
        if (be >= blim) return 0;
        out->bracket = ea_trim(ea_str_make(b, (size_t)(be - b)));
        q = be + (*be == ')' ? 1 : 3);
        while (q < end && (*q == ' ' || at(q, end, "\xE3\x80\x80"))) q += *q == ' ' ? 1 : 3;
    }
    if (q < end) {
        if (*q == ' ') {
            while (q < end && *q == ' ') q++; /* "主持人 ：" */
        }
        if (!is_colon(q, end, &cl)) return 0;
        if (cl == 1 && q + 1 < end && ea_is_digit((unsigned char)q[1])) return 0; /* 10:30 */
        q += cl;
    } else if (!out->bracket.len) {
        /* a line that is only a label ("主持人") also opens a turn */
        label_kind k;
        if (!label_of(name, &k) || name.len < 6) return 0;
    }
    out->name = name;
    out->text = (size_t)(q - t);
    if (is_meta_key(name)) return 0;
    if (label_of(name, &out->label)) {
        out->kind = P_LABEL;
        return 1;
    }
    if (!name_shape(name, out)) return 0;
    if (out->bracket.len) {
        if (out->bracket.len > 120) return 0;
        int titled = ea_role_from_title(out->bracket) != EA_ROLE_UNKNOWN || has_org_word(out->bracket);
        if (!titled && !out->surname) return 0;
        out->kind = P_NAMED;
        return 1;
    }
    if (q >= end && !out->honorific) return 0; /* "成本端" alone on a line */
    out->kind = P_BARE;
    return 1;
}

/* ---- bare-name counts (first pass) ---------------------------------------- */

typedef struct {
    size_t off;
    uint32_t len, count;
} name_slot;

typedef struct {
    name_slot *s;
    size_t cap, n;
} name_set;

static uint64_t hash_bytes(const char *p, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
    return h;
}

static name_slot *set_find(const name_set *ns, const char *t, ea_str s, int *fresh) {
    size_t mask = ns->cap - 1, k = (size_t)hash_bytes(s.ptr, s.len) & mask;
    while (ns->s[k].len) {
        if (ns->s[k].len == s.len && memcmp(t + ns->s[k].off, s.ptr, s.len) == 0) {
            *fresh = 0;
            return &ns->s[k];
        }
        k = (k + 1) & mask;
    }
    *fresh = 1;
    return &ns->s[k];
}

static int set_add(name_set *ns, const char *t, ea_str s) {
    if ((ns->n + 1) * 2 > ns->cap) {
        size_t cap = ns->cap ? ns->cap * 2 : 64;
        name_slot *fresh_tab = calloc(cap, sizeof *fresh_tab);
        if (!fresh_tab) return -1;
        name_set grown = {fresh_tab, cap, ns->n};
        for (size_t i = 0; i < ns->cap; i++) {
            if (!ns->s[i].len) continue;
            int f;
            *set_find(&grown, t, ea_str_make(t + ns->s[i].off, ns->s[i].len), &f) = ns->s[i];
        }
        free(ns->s);
        *ns = grown;
    }
    int f;
    name_slot *sl = set_find(ns, t, s, &f);
    if (f) {
        sl->off = (size_t)(s.ptr - t);
        sl->len = (uint32_t)s.len;
        sl->count = 0;
        ns->n++;
    }
    sl->count++;
    return 0;
}

static uint32_t set_count(const name_set *ns, const char *t, ea_str s) {
    if (!ns->cap) return 0;
    int f;
    const name_slot *sl = set_find(ns, t, s, &f);
    return f ? 0 : sl->count;
}

/* ---- sniffer ------------------------------------------------------------ */

void ea_sniff_chinese(const char *text, size_t len, ea_sniff *out) {
    /* Chinese text is mostly multi-byte: a window with few high bytes is
       not a Chinese transcript, and needs no line-by-line look */
    size_t win = len < EA_SNIFF_BYTES ? len : EA_SNIFF_BYTES, high = ea_count_high(text, win);
    if (high * 4 < win) {
        out->score = 0;
        snprintf(out->why, sizeof out->why, "mostly single-byte text");
        return;
    }
    ea_lines it;
    ea_lines_init(&it, text, len < EA_SNIFF_BYTES ? len : EA_SNIFF_BYTES);
    size_t s, e, content = 0, zh = 0, strong = 0, weak = 0, sections = 0;
    while (ea_lines_next(&it, &s, &e) && it.lineno < EA_SNIFF_LINES) {
        ea_str l = ea_trim(ea_str_make(text + s, e - s));
        if (!l.len) continue;
        content++;
        ea_lang_counts k = {0, 0, 0, 0};
        ea_lang_count(l.ptr, l.len, 2048, &k);
        if (k.cjk && (uint64_t)k.cjk * 3 >= k.latin) zh++;
        ea_section sec;
        if (section_line(l, &sec)) {
            sections++;
            continue;
        }
        prefix_t pf;
        if (!parse_prefix(text, l, &pf)) continue;
        if (pf.kind == P_LABEL || pf.kind == P_NAMED || pf.honorific) strong++;
        else weak++;
    }
    int score = 0;
    if (content >= 2 && zh * 10 >= content * 7) {
        if (strong >= 2) score = 70 + (int)(strong + 3 * sections > 20 ? 20 : strong + 3 * sections);
        else if (strong + weak >= 3) score = 50;
        else if (strong + sections >= 1) score = 30;
    } else if (strong >= 2) {
        score = 10;
    }
    out->score = score;
    snprintf(out->why, sizeof out->why,
             "%zu of %zu lines mainly Chinese; %zu speaker prefixes (%zu more by name only), %zu section lines",
             zh, content, strong, weak, sections);
}

/* ---- parser ------------------------------------------------------------- */

static int terminal(ea_str l) {
    unsigned char ch = (unsigned char)l.ptr[l.len - 1];
    if (ch == '.' || ch == '?' || ch == '!') return 1;
    if (l.len >= 3) {
        const unsigned char *u = (const unsigned char *)l.ptr + l.len - 3;
        if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82) return 1;                 /* 。 */
        if (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x81 || u[2] == 0x9F)) return 1; /* ！？ */
    }
    return 0;
}

/* "某公司2024年第一季度业绩说明会": the company is what comes before the year. */
static void company_from_title(ea_call *c, ea_str title) {
    const char *p = title.ptr, *end = title.ptr + title.len;
    while (p < end) {
        const char *q = p;
        int digits = 0, d;
        while ((d = digit_len(q, end)) != 0) {
            q += d;
            digits++;
        }
        if (digits == 4 && at(q, end, "年")) {
            ea_str co = ea_trim(ea_str_make(title.ptr, (size_t)(p - title.ptr)));
            if (co.len >= 6 && co.len <= 60 && !ea_find(co, "关于") && !ea_find(co, "關於") &&
                !ea_find(co, "召开") && !ea_find(co, "召開") && !ea_find(co, "举办") && !ea_find(co, "舉辦"))
                c->info.company = co;
            return;
        }
        if (digits) return;
        int k;
        cp_at(p, end, &k);
        p += k ? k : 1;
    }
}

static void header_line(ea_call *c, ea_str l) {
    char buf[256];
    ea_str n = ascii_digits(l, buf, sizeof buf);
    if (!c->info.date.len) {
        char dd[16];
        size_t k = ea_find_date(n, dd, sizeof dd);
        if (k) c->info.date = ea_b_strdup(c, dd, k);
    }
    if (c->info.event_title.len) return;
    /* "主题：XX交流会" */
    const char *p = l.ptr, *end = l.ptr + l.len;
    size_t cl;
    for (const char *q = p; q < end && q < p + 40; q++) {
        if (!is_colon(q, end, &cl)) continue;
        ea_str key = ea_trim(ea_str_make(p, (size_t)(q - p)));
        ea_str val = ea_trim(ea_str_make(q + cl, (size_t)(end - q - cl)));
        if (in_list(key, title_keys, sizeof title_keys / sizeof title_keys[0]) && val.len) {
            c->info.event_title = val;
            company_from_title(c, val);
        }
        return; /* other "key: value" lines are not titles */
    }
    char d[16];
    if (n.len < 40 && ea_find_date(n, d, sizeof d)) return; /* a date line */
    for (size_t i = 0; i < sizeof title_words / sizeof title_words[0]; i++) {
        if (!ea_find(l, title_words[i])) continue;
        c->info.event_title = l;
        company_from_title(c, l);
        return;
    }
}

typedef struct {
    ea_call *c;
    name_set names;
    int expert_call;
    uint32_t *answerers; /* participants labelled 答/A: expert or executive at the end */
    size_t n_answerers, cap_answerers;
} zh_state;

static int note_answerer(zh_state *z, int32_t who) {
    for (size_t i = 0; i < z->n_answerers; i++)
        if (z->answerers[i] == (uint32_t)who) return 0;
    if (z->n_answerers == z->cap_answerers) {
        /* labels are few ("答", "A", "A1".."A20"), so this stays small */
        size_t cap = z->cap_answerers ? z->cap_answerers * 2 : 8;
        if (cap > 4096) return 0;
        uint32_t *n = realloc(z->answerers, cap * sizeof *n);
        if (!n) return -1;
        z->answerers = n;
        z->cap_answerers = cap;
    }
    z->answerers[z->n_answerers++] = (uint32_t)who;
    return 0;
}

/* The bracket after a name: "某公司，董事长", "董事长", "某公司 CFO". */
static void split_bracket(ea_str b, ea_str *affil, ea_str *title) {
    *affil = *title = ea_str_make(NULL, 0);
    if (!b.len) return;
    const char *p = b.ptr, *end = b.ptr + b.len, *sep = NULL;
    size_t sl = 0;
    for (; p < end && !sep; p++) {
        if (*p == ',' || *p == '/' || *p == ';' || *p == ' ') sep = p, sl = 1;
        else if (at(p, end, "，") || at(p, end, "、") || at(p, end, "；") || at(p, end, "／"))
            sep = p, sl = 3;
    }
    if (!sep) {
        if (ea_role_from_title(b) != EA_ROLE_UNKNOWN || !has_org_word(b)) *title = b;
        else *affil = b;
        return;
    }
    ea_str l = ea_trim(ea_str_make(b.ptr, (size_t)(sep - b.ptr)));
    ea_str r = ea_trim(ea_str_make(sep + sl, (size_t)(end - sep - sl)));
    if (ea_role_from_title(l) != EA_ROLE_UNKNOWN && ea_role_from_title(r) == EA_ROLE_UNKNOWN) {
        *title = l;
        *affil = r;
    } else {
        *affil = l;
        *title = r;
    }
}

static int32_t speaker(zh_state *z, const prefix_t *pf) {
    ea_call *c = z->c;
    ea_str affil, title;
    split_bracket(pf->bracket, &affil, &title);
    ea_role r = ea_role_from_title(title);
    if (r == EA_ROLE_UNKNOWN) r = ea_role_from_title(affil);
    ea_role_source from = r != EA_ROLE_UNKNOWN ? EA_FROM_TITLE : EA_FROM_NONE;
    if (pf->kind == P_LABEL && r == EA_ROLE_UNKNOWN) {
        r = label_role[pf->label];
        from = EA_FROM_NAME;
    }
    int32_t who = ea_b_participant(c, pf->name, title, affil, r, from);
    if (who < 0) return -1;
    if (pf->kind == P_LABEL && pf->label == K_EXPERT) z->expert_call = 1;
    if (pf->kind == P_LABEL && pf->label == K_ANSWER && from == EA_FROM_NAME && note_answerer(z, who))
        return ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    return who;
}

static int asks(ea_str t) {
    return ea_iends(t, "?") || ea_iends(t, "？") || ea_find(t, "请问") || ea_find(t, "請問");
}

/* Named speakers with no title: those who mostly ask are analysts; on an
 * expert call the others are the experts. The rest is left to the model's
 * own behaviour rules (management). */
static int named_roles(zh_state *z) {
    ea_call *c = z->c;
    size_t np = c->parts.n;
    if (!np) return 0;
    uint32_t *n = calloc(np * 2, sizeof *n);
    if (!n) return ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    const ea_turn *ts = ea_b_turns(c);
    const ea_paragraph *ps = ea_b_paras(c);
    for (size_t k = 0; k < c->turns.n; k++) {
        if (ts[k].speaker < 0) continue;
        for (uint32_t j = 0; j < ts[k].n_paras; j++) {
            n[2 * (size_t)ts[k].speaker]++;
            if (asks(ps[ts[k].first_para + j].text)) n[2 * (size_t)ts[k].speaker + 1]++;
        }
    }
    ea_participant *pp = ea_b_parts(c);
    for (size_t i = 0; i < np; i++) {
        if (pp[i].role != EA_ROLE_UNKNOWN || pp[i].role_from != EA_FROM_NONE || !n[2 * i]) continue;
        if (n[2 * i + 1] * 2 > n[2 * i]) pp[i].role = EA_ROLE_ANALYST;
        else if (z->expert_call) pp[i].role = EA_ROLE_EXPERT;
        else continue;
        pp[i].role_from = EA_FROM_BEHAVIOUR;
    }
    free(n);
    return 0;
}

/* Before the first turn, "嘉宾：某光模块厂商前总监" introduces a
 * participant: a role label whose text is a description (a title or a
 * firm, no sentence end), not speech. */
static int roster_line(zh_state *z, const char *t, prefix_t *pf, ea_str l, size_t le) {
    if (!parse_prefix(t, l, pf) || pf->kind != P_LABEL || pf->label == K_ASK || pf->label == K_ANSWER)
        return 0;
    ea_str d = ea_b_span_str(z->c, pf->text, le);
    if (!d.len || d.len > 90 || terminal(d) || ea_find(d, "。")) return 0;
    if (ea_role_from_title(d) == EA_ROLE_UNKNOWN && !has_org_word(d)) return 0;
    if (ea_b_participant(z->c, pf->name, d, ea_str_make(NULL, 0), label_role[pf->label], EA_FROM_ROSTER) < 0)
        return -1;
    if (pf->label == K_EXPERT) z->expert_call = 1;
    ea_b_explain(z->c, "chinese: roster line for %.*s", (int)pf->name.len, pf->name.ptr);
    return 1;
}

/* Is this bare-name prefix a speaker? */
static int bare_ok(const zh_state *z, const prefix_t *pf) {
    if (pf->honorific) return 1;
    if (ea_b_find_participant(z->c, pf->name) >= 0) return 1;
    size_t others;
    int cjk = count_cjk(pf->name, &others);
    uint32_t n = set_count(&z->names, z->c->text, pf->name);
    if (cjk) return pf->surname && n >= 2;
    return n >= 2;
}

static int run(zh_state *z, size_t start) {
    ea_call *c = z->c;
    const char *t = c->text;
    ea_lines it;
    size_t s, e;
    /* 1. count bare-name prefixes */
    ea_lines_init(&it, t + start, c->text_len - start);
    while (ea_lines_next(&it, &s, &e)) {
        ea_str l = ea_trim(ea_str_make(t + start + s, e - s));
        if (!l.len || l.len < 4) continue;
        prefix_t pf;
        if (parse_prefix(t, l, &pf) && (pf.kind == P_BARE || pf.kind == P_NAMED) &&
            set_add(&z->names, t, pf.name))
            return ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    }
    /* 2. lines */
    int started = 0, new_section = 0;
    int32_t cur = -1;
    size_t n_sections = 0;
    ea_lines_init(&it, t + start, c->text_len - start);
    while (ea_lines_next(&it, &s, &e)) {
        ea_str l = ea_trim(ea_str_make(t + start + s, e - s));
        if (!l.len) continue;
        size_t ls = (size_t)(l.ptr - t), le = ls + l.len;
        ea_section sec;
        if (section_line(l, &sec)) {
            ea_b_section(c, sec);
            n_sections++;
            new_section = 1;
            started = 1;
            continue;
        }
        prefix_t pf;
        int roster = started ? 0 : roster_line(z, t, &pf, l, le);
        if (roster < 0) return -1;
        if (roster) continue;
        if (parse_prefix(t, l, &pf) && (pf.kind != P_BARE || bare_ok(z, &pf))) {
            int32_t who = speaker(z, &pf);
            if (who < 0) return -1;
            if (!started || who != cur || new_section) {
                if (ea_b_turn(c, who, ls)) return -1;
            }
            cur = who;
            started = 1;
            new_section = 0;
            if (pf.text < le && ea_b_para(c, pf.text, le) == -1) return -1;
            continue;
        }
        if (!started) {
            if (l.len < 200 && !terminal(l)) {
                header_line(c, l);
                continue;
            }
        }
        if (new_section && c->cur_turn >= 0) {
            /* speech after a section line: the same speaker, a new turn */
            if (ea_b_turn(c, cur, ls)) return -1;
        }
        new_section = 0;
        if (ea_b_para(c, ls, le) == -1) return -1;
    }
    /* 3. roles that depend on the whole document */
    if (c->info.event_title.len &&
        (ea_find(c->info.event_title, "专家") || ea_find(c->info.event_title, "專家")))
        z->expert_call = 1;
    if (z->expert_call) {
        ea_participant *ps = ea_b_parts(c);
        for (size_t i = 0; i < z->n_answerers; i++) {
            ea_participant *p = &ps[z->answerers[i]];
            if (p->role_from == EA_FROM_NAME) p->role = EA_ROLE_EXPERT;
        }
    }
    if (named_roles(z)) return -1;
    if (c->info.event_title.len && !c->info.period.len) {
        char buf[256], per[16];
        size_t k = ea_find_period(ascii_digits(c->info.event_title, buf, sizeof buf), per, sizeof per);
        if (k) c->info.period = ea_b_strdup(c, per, k);
    }
    ea_b_explain(c, "chinese: %zu speakers, %zu section lines%s", c->parts.n, n_sections,
                 z->expert_call ? "; expert call: answers are the expert's" : "");
    return 0;
}

int ea_parse_chinese(ea_call *c, size_t start) {
    zh_state z;
    memset(&z, 0, sizeof z);
    z.c = c;
    int rc = run(&z, start);
    free(z.names.s);
    free(z.answerers);
    return rc;
}
