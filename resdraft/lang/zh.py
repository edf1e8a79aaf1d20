"""Chinese: formulas, lexicons, numbering and the header/closing line patterns.

Patterns tolerate the spaces PDF extraction puts between CJK characters and digits
(``2021 年 12 月 16 日``) and both full- and half-width punctuation.
"""

from resdraft.lang import Language, Punctuation, ReferenceForms, masthead_patterns
from resdraft.lang.en import DATE as ENGLISH_DATE
from resdraft.lang.en import MONTHS as ENGLISH_MONTHS
from resdraft.model import Emphasis, Organ
from resdraft.numbering import CJK_NUMERALS
from resdraft.symbols import RESOLUTION_NUMBER

_DATE = r"(?P<date>(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日)"
_NUM = CJK_NUMERALS

PREAMBULAR = (
    "重申",
    "回顾",
    "深为关切",
    "深为关切地注意到",
    "严重关切地注意到",
    "关切地注意到",
    "遗憾地注意到",
    "赞赏地注意到",
    "注意到",
    "表示注意到",
    "意识到",
    "铭记",
    "强调",
    "强调指出",
    "鼓励",
    "欢迎",
    "确认",
    "表示感谢",
    "表示关切",
    "表示深为关切",
    "表示严重关切",
    "严重关切",
    "再次承诺",
    "指出",
    "赞扬",
    "表示深切赞赏",
    "强烈谴责",
    "谴责",
    "申明",
    "遵循",
    "审查了",
    "考虑到",
    "深知",
    "惋惜",
    "认为",
    "认定",
    "根据《联合国宪章》第七章采取行动",
    "就此指出",
    "表示渴望",
    "认识到",
    "深表遗憾",
    "深感震惊",
    "痛惜",
    "决心",
    "欢迎并进一步鼓励",
    "再次严重关切地强调指出",
    "承认",
    "关切",
    "又表示深为关切",
    "确信",
    "深信",
    "注意",
    "表示赞赏",
    "赞赏",
    "深感关切",
    "深切关注",
    "重视",
    "鉴于",
    "审议了",
    "听取了",
    "满意地注意到",
    "深为震惊",
    "感到关切",
    "念及",
    "坚信",
    "相信",
    "顾及",
)

OPERATIVE = (
    "最强烈地谴责",
    "谴责",
    "强烈谴责",
    "表示极其严重关切",
    "特别表示极其严重关切",
    "表示极其深切关注",
    "表示关切",
    "欢迎",
    "再次赞赏",
    "鼓励",
    "促请",
    "吁请",
    "敦促",
    "强烈敦促",
    "重申",
    "决定",
    "请",
    "建议",
    "表示赞赏地注意到",
    "赞赏地注意到",
    "表示注意到",
    "注意到",
    "遗憾地注意到",
    "极为遗憾地确认",
    "强调",
    "强调指出",
    "着重指出",
    "特别指出",
    "提请注意并重申",
    "宣布",
    "表示感谢",
    "决定继续处理此案",
    "决定继续积极处理此案",
    "要求",
    "授权",
    "邀请",
    "支持",
    "赞扬",
    "确认",
    "核可",
    "通过",
    "呼吁",
    "表示支持",
    "表示赞赏",
    "深表遗憾",
    "赞赏",
    "承认",
    "申明",
    "吁请",
    "核准",
    "表示遗憾",
    "感谢",
    "表示希望",
    "期待",
    "认可",
    "赞同",
    "表示决心",
    "打算",
    "表示愿意",
    "随时准备",
    "警告",
    "选举",
    "任命",
    "郑重宣布",
    "祝贺",
)

# Traditional forms of the characters used in the lexicons and patterns above (one for one,
# so offsets in the folded text are offsets in the original).
_TRADITIONAL = (
    "對謝決議會關讚認識鑒繼續處這強調請籲歡勵確譴責為賞揚審慮協專門構據"
    "聯國憲條約規屆項號員權經濟體報過發參區並還進極貫徹闡歲與獨實際應當擬將"
    "顧銘記嚴於視護讓範歷務礎們導兒從動變類響亞舉價團長開問題間時書別種態傳總組織邊贊謹遺著憂諾佈"
)
_SIMPLIFIED = (
    "对谢决议会关赞认识鉴继续处这强调请吁欢励确谴责为赏扬审虑协专门构据"
    "联国宪条约规届项号员权经济体报过发参区并还进极贯彻阐岁与独实际应当拟将"
    "顾铭记严于视护让范历务础们导儿从动变类响亚举价团长开问题间时书别种态传总组织边赞谨遗着忧诺布"
)

# "上文第5段", "下文第3(a)段", "本决议第2段", "第3至5段", "第19和第23段", "第3(a)和(d)段"; "上文(b)分段"
_PARAGRAPH_MEMBER = (
    rf"\d{{1,3}}(?:\s?(?:bis|ter|quater|quinquies|alt))?(?:\s?[(（][a-z]{{1,2}}[)）])?(?:\s?[(（][{_NUM}]+[)）])?"
)
_ITEM_MEMBER = rf"[(（][a-z]{{1,2}}[)）](?:\s?[(（][{_NUM}]+[)）])?"
_JOIN = r"\s*(?:、|和|及|与|至|到|-|—|－)\s*第?\s*"
REFERENCES = ReferenceForms(
    paragraph=rf"(?P<dir>上文|下文|本决议)?\s*第\s*"
    rf"(?P<refs>{_PARAGRAPH_MEMBER}(?:{_JOIN}(?:{_PARAGRAPH_MEMBER}|{_ITEM_MEMBER}))*)\s*段",
    item=rf"(?P<dir>上文|下文)?\s*第?\s*(?P<refs>{_ITEM_MEMBER}(?:{_JOIN}{_ITEM_MEMBER})*)\s*分段",
    member=rf"(?P<num>\d{{1,3}})?(?:\s?(?P<suffix>bis|ter|quater|quinquies|alt))?(?:\s?[(（](?P<item>[a-z]{{1,2}})[)）])?"
    rf"(?:\s?[(（](?P<sub>[{_NUM}]+)[)）])?",
    range=r"^\s*(?:至|到|-|—|－)\s*第?\s*$",
    backward="上文",
    forward="下文",
    external_after=r"(?!)",
    # "第2397(2017)号决议第8段", "报告第34段", "《宣言》第5段", "执行部分第3段", "第4条第3段", "议事规则第3段",
    # "(见 A/79/149，第 41 段)"; not "在执行《2030年议程》时考虑到第3段"
    # "其第4段" (its paragraph 4), "仙台框架第6段", "行动纲领第5段", "行动计划第5段", "战略第5段"
    external_before=r"(?:[议定告》言约件书章程条款分则其架领划略南]|[A-Z]{1,3}/[\w./-]+[\s，,、]*)\s*$",
    hint="段",
)

LANGUAGE = Language(
    code="zh",
    akn="zho",
    name="Chinese",
    formulas={
        Organ.GA: "大会",
        Organ.SC: "安全理事会",
        Organ.HRC: "人权理事会",
        Organ.ECOSOC: "经济及社会理事会",
    },
    preambular_phrases=PREAMBULAR,
    operative_phrases=OPERATIVE,
    phrase_prefixes=("又", "还", "再次", "并", "进一步", "特别", "也", "同时"),
    phrase_suffixes=(),
    punctuation=Punctuation(
        comma="，",
        semicolon="；",
        colon="：",
        full_stop="。",
        commas="，,",
        semicolons="；;",
        colons="：:",
        full_stops="。.",
    ),
    item_schemes=("alpha", "cjk", "alpha_dot", "roman_dot"),
    spaced_words=False,
    organ_names={
        "大会": Organ.GA,
        "安全理事会": Organ.SC,
        "安理会": Organ.SC,
        "人权理事会": Organ.HRC,
        "经济及社会理事会": Organ.ECOSOC,
    },
    list_separator=r"、|，|,\s*",
    list_conjunction=r"[和及](?!.*[和及])",  # the last 和: 特立尼达和多巴哥和乌拉圭
    months=ENGLISH_MONTHS,  # the masthead date stays in English
    committees=("第一委员会", "第二委员会", "第三委员会", "第四委员会", "第五委员会", "第六委员会"),
    fronted_marker="对",
    closing_order=("date", "meeting"),
    fold_table=str.maketrans(_TRADITIONAL, _SIMPLIFIED),
    operative_emphasis=Emphasis.BOLD,
    references=REFERENCES,
    patterns={
        **masthead_patterns(
            r"联\s*合\s*国",
            r"大\s*会|安\s*全\s*理\s*事\s*会|人权理事会|经济及社会理事会",
        ),
        "masthead_date": rf"^{ENGLISH_DATE}$",  # the masthead date stays in English
        "furniture": r"^请回收.*$",
        "not_a_footnote": r"(?:年|月|日|次|届|个|人|%)",
        "reference_tail": r"第\s*\d*\s*$|\d\s*$",
        "callout_exclusion": r"\b(?:Add|Rev|Corr|Amend|L)\.\s?$",
        "masthead": r"^(?:联\s*合\s*国|大\s*会|安\s*全\s*理\s*事\s*会|人权理事会|经济及社会理事会|Chinese)$",
        "date": rf"^{_DATE}$",
        "date_in_text": _DATE,
        "session": rf"^第(?P<words>[{_NUM}]+)届(?:特别|紧急特别)?会议$",
        "committee": r"^(?P<ordinal>第[一二三四五六]委员会)$",
        "agenda_item": r"^议程项目\s*(?P<item>\d+.*)$",
        "adopted": rf"^{_DATE}(?P<organ>大会|人权理事会|经济及社会理事会)决议$",
        "report": r"^\[(?:根据(?P<committee>.+?)的报告[(（](?P<docs>.+)[)）]通过|"
        r"未经发交主要委员会而通过[(（](?P<docs2>.+)[)）])\]$",
        "sponsors": r"^(?P<sponsors>.+?)\s*[：:]\s*(?P<type>(?:订正)?决议草案)$|"
        r"^(?P<chair>.*主席提交的(?:订正)?决议草案)$",
        "sc_symbol": r"^第\s*(?P<number>\d+)\s*[(（](?P<year>\d{4})[)）]\s*号决议$",
        "sc_adopted": rf"^{_DATE}安全理事会第\s*(?P<meeting>\d+)\s*次会议(?:一致)?通过$",
        "meeting": r"^第\s*(?P<meeting>\d+)\s*次(?:全体)?会议$",
        "vote": r"^(?:(?:在)?第\s*(?P<meeting>\d+|[〇零一二三四五六七八九十百]+)\s*次会议上?(?:一致|以.*)通过。?"
        r"|\[(?:未经表决|经记录表决|以协商一致方式)[^\]]*通过。?\])$",
        # "[DATE]第N[、N][和N]号决议": the date (before 第) belongs to the first member
        "citation": rf"(?:{_DATE}\s*)?第\s*(?P<list>(?:{RESOLUTION_NUMBER})"
        rf"(?:\s*(?:、|，|和|及|号、第|号和第|号及第)\s*(?:{RESOLUTION_NUMBER}))*)\s*号",
        "citation_member": rf"(?P<number>{RESOLUTION_NUMBER})",
        # --- for the linter ---
        "seized": r"^决定继续(?:积极)?处理此案",
        # a digit first, the character before it checked behind: the regex engine jumps to digits
        "date_malformed": r"\d(?<![\d/]\d)\d{3}(?:-\d{2}-\d{2}(?!\d)|/\d{1,2}/\d{1,2}(?![\d/]))",
        "session_in_figures": r"第\s*(?P<figure>\d+)\s*届(?:特别|紧急特别)?会议",
        # a full-width symbol: Ａ／76／392
        "fullwidth_symbol": r"[ＡＥＳ]\s*／[\w．／\-－]+",
        "annex": rf"^(?P<label>附件[{_NUM}]*)$",
        "section": rf"^(?P<num>[{_NUM}]+|[IVXL]+)\.?(?:[\s、]+(?P<heading>[^。；，]*))?$",
    },
)
