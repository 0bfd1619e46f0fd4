"""Who and what a document is about, read from its cover / title (never from the file name).

Covers print the same pieces in many orders: ``<unit><year>年度部门预算``, ``<year>年度 / <unit> /
部门预算公开``, ``<region><year>年区级部门预算`` with a ``预算主管部门：<unit>`` or ``预算单位：<unit>``
line above or below it. The cover is read as the lines of a first page above its 目录, with the label
lines, page numbers and dates taken out, joined without whitespace (titles wrap over lines).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from extract.model import DocumentIdentity
from extract.pages import page_lines
from extract.text import arabic_years, squash

_PHASES = {"预算": "budget", "决算": "final"}
_NAME = r"[^:：，,。、;；|\d]"
_TITLE = re.compile(
    rf"(?P<year>20\d{{2}})年(?P<du>度)?(?P<mid>{_NAME}{{0,40}}?)"
    r"(?P<level>省级|市级|区级|县级|州级|旗级)?(?P<kind>部门|单位)?(?P<phase>预算|决算)"
)
_YEARLESS = re.compile(rf"(?P<mid>{_NAME}{{2,40}}?)(?P<kind>部门|单位)(?P<phase>预算|决算)")
_ANY_BUDGET = re.compile(r"(?:部门|单位)(?:预算|决算)|(?:预算|决算)(?:公开|报告|报表)")
_TRAILING_NAME = re.compile(rf"{_NAME}*$")
_LEADING_NAME = re.compile(rf"^(?:公开|文件|报表|报告|情况|说明)*(?P<name>{_NAME}{{2,40}})")
_LABEL = re.compile(
    r"^(?P<label>预算主管部门|主管部门|预算单位|部门名称|单位名称|部门|单位)[:：](?P<value>.{2,60})$"
)
_UNIT_VALUE_STOP = re.compile(r"单位[:：]|金额单位")
_PAGE_NUMBER = re.compile(r"^[-—–\d第页/共]+$")
_DATE = re.compile(r"^20\d{2}年\d{1,2}月(?:\d{1,2}日)?$")
_TOC = re.compile(r"^目录$")
_COVER_LINES = 12
# Cover / heading words around the unit name (附件2：部门决算模板, 第二部分, 公开文件 …).
_NOT_DEPARTMENT = re.compile(r"预算|决算|模板|公开|附件|第[一二三四五六七八九十]+部分|目录|报表|文件")
_UNIT_END = re.compile(
    r"(?:局|委|办|院|厅|部|会|中心|所|站|队|校|馆|室|处|社|署|团|大学|学院|办公室)(?:\(本级\))?$"
)
_OWN_LEVEL = "(本级)"  # the department's own office, as against the department with its units

_PARTY_PREFIX = re.compile(r"^(?:中国共产党|中共)")
_REGION = re.compile(r"^(?P<name>.{2,10}?(?:自治县|自治旗|自治区|自治州|省|市|州|地区|盟|县|区|旗))")
_PURE_REGION = re.compile(r"^(?:.{1,10}?(?:自治县|自治旗|自治区|自治州|省|市|州|地区|盟|县|区|旗))+$")
_COUNTY_SUFFIXES = ("县", "区", "旗", "市")
_UPPER_SUFFIXES = ("省", "自治区", "市", "州", "地区", "盟")
_NOT_REGION = ("开发区", "园区", "工业区", "保税区", "景区", "社区", "城区")  # zones inside a county
_LEVEL_WORDS = {
    "省级": "province",
    "市级": "city",
    "州级": "city",
    "区级": "district",
    "县级": "county",
    "旗级": "county",
}
# A unit printed without a region is central when its name or its own description says so.
CENTRAL_REGION = "中央"
_CENTRAL_NAME = re.compile(r"^(?:中华人民共和国|中国|国家|全国|中央)")
_CENTRAL_TEXT = re.compile(
    r"(?:是|为|系)(?:国家|中央)?[^省市县区州旗:：，。、,]{1,6}部(?:直属|所属)"  # 是教育部直属 (not 是市委宣传部直属)
    r"|国务院(?:直属|所属)|中央(?:部门|本级|级)(?:预算|决算|单位|事业单位)"
)


@dataclass
class _Cover:
    """What one page's cover block says."""

    text: str  # squashed cover lines (labels, page numbers and dates removed)
    labels: dict[str, str]


def _cover(page_text: str) -> _Cover:
    labels: dict[str, str] = {}
    kept: list[str] = []
    for line in page_lines(page_text)[: _COVER_LINES * 2]:
        line = squash(line)
        if _TOC.match(line):
            break
        label = _LABEL.match(line)
        if label is not None:
            value = _UNIT_VALUE_STOP.split(label.group("value"))[0]
            if len(value) >= 2 and not value.endswith("元"):
                labels.setdefault(label.group("label"), value)
            continue
        if _PAGE_NUMBER.match(line) or _DATE.match(line):
            continue
        kept.append(line)
        if len(kept) >= _COVER_LINES:
            break
    return _Cover("".join(kept), labels)


def _clean_name(text: str, last: bool = True) -> str:
    pieces = [p for p in _NOT_DEPARTMENT.split(text) if p]
    if not pieces:
        return ""
    name = pieces[-1] if last else pieces[0]
    return name if len(name) >= 2 else ""


@dataclass
class _Title:
    name: str  # the unit printed in the title ('' when the title names only a region or nothing)
    region: str  # a pure region printed in the title (上海市, 上海市普陀区, 江苏省) or ''
    year: int | None
    level_word: str | None
    kind: str | None  # 部门 | 单位 | None
    phase: str
    title: str


def _read_title(cover: str) -> _Title | None:
    """The best ``…<year>年(度)…(部门|单位)(预算|决算)`` of a cover: the first one naming a unit."""
    found: list[_Title] = []
    for match in _TITLE.finditer(cover):
        pre = _clean_name(_TRAILING_NAME.search(cover[: match.start()]).group(0))
        mid = _clean_name(match.group("mid"), last=False)
        post = ""
        if not pre and not mid:
            after = _LEADING_NAME.match(cover[match.end() :])
            if after is not None and _UNIT_END.search(after.group("name")):
                post = _clean_name(after.group("name"), last=False)
        if not (pre or mid or post or match.group("kind")):
            continue  # a bare 2024年预算 in running text is not a title
        region = ""
        names = [n for n in (pre, mid, post) if n]
        if names and _is_region(names[0]) and len(names) > 1:
            region = names.pop(0)
        elif len(names) == 1 and _is_region(names[0]):
            region = names.pop()
        name = names[0] if names else ""
        year_word = f"{match.group('year')}年{match.group('du') or ''}"
        level_word, kind, phase = match.group("level"), match.group("kind"), match.group("phase")
        title = f"{region}{name}{year_word}{level_word or ''}{kind or ''}{phase}"
        found.append(_Title(name, region, int(match.group("year")), level_word, kind, _PHASES[phase], title))
    if not found:
        match = _YEARLESS.search(cover)
        if match is None:
            return None
        name = _clean_name(match.group("mid"))
        phase = match.group("phase")
        title = f"{name}{match.group('kind')}{phase}"
        return _Title(name, "", None, None, match.group("kind"), _PHASES[phase], title)
    return next((t for t in found if t.name or t.region), found[0])


def _unit_like(name: str) -> bool:
    """A name that reads as a unit: it starts with a region or ends like one (局, 委员会, 大学 …)."""
    return bool(region_chain(name)) or bool(_UNIT_END.search(re.sub(r"\([^)]*\)$", "", name)))


def _is_region(text: str) -> bool:
    return bool(_PURE_REGION.match(text)) and not text.endswith(_NOT_REGION)


def region_chain(name: str) -> list[str]:
    """The regions a unit name starts with, upper first: 上海市普陀区XX局 → [上海市, 普陀区]."""
    rest = _PARTY_PREFIX.sub("", name)
    first = _REGION.match(rest)
    if first is None:
        return []
    chain = [first.group("name")]
    if chain[0].endswith(_UPPER_SUFFIXES):
        second = _REGION.match(rest[len(chain[0]) :])
        if (
            second is not None
            and second.group("name").endswith(_COUNTY_SUFFIXES)
            and not second.group("name").endswith(_NOT_REGION)
        ):
            chain.append(second.group("name"))
    return chain


def county_of(department: str) -> str:
    """The lowest region a unit name starts with, as printed (``中共上海市普陀区委社会工作部`` → 普陀区)."""
    chain = region_chain(department)
    return chain[-1] if chain else ""


def region_level(chain: list[str], level_word: str | None = None) -> str | None:
    """county | district | city | province from the region's suffix; a title's 区级/市级/省级 wins."""
    if level_word in _LEVEL_WORDS:
        return _LEVEL_WORDS[level_word]
    if not chain:
        return None
    region = chain[-1]
    if region.endswith(("省", "自治区")):
        return "province"
    if region.endswith(("自治县", "县", "旗")):
        return "county"
    if region.endswith("区"):
        return "district"
    if region.endswith("市") and len(chain) > 1 and not chain[0].endswith(("省", "自治区")):
        return "county"  # a county-level city under a prefecture (…州…市, …市…市)
    return "city"  # 市 (prefecture or municipality), 州, 地区, 盟


def _department_name(name: str) -> str:
    return name.removesuffix(_OWN_LEVEL).removesuffix("(部门)").removesuffix("(单位)")


_PARENT = r"(?P<parent>[^,，。、;；:：()]{2,30}?(?:委员会|局|厅|委|办公室|办|部))"
_PARENT_OF = (
    # 某中心是上海市某局下属/直属/所属… ; 某中心隶属于上海市某局,
    r"(?:\(单位\))?(?:是|为|系)" + _PARENT + r"(?:\([^)]{1,20}\))?(?:下属|直属|所属)",
    r"(?:\(单位\))?隶属于" + _PARENT + r"(?=[,，。;；(]|$)",
)


def parent_department(unit: str, first_pages: str) -> str | None:
    """The department a 预算单位 belongs to, when its own description names it in full.

    ``上海市中医文献馆是上海市卫生健康委员会直属全额预算单位`` → 上海市卫生健康委员会. A parent without its
    region (``市商务委所属``, ``市政府直属``) is not a full department name: None.
    """
    for pattern in _PARENT_OF:
        match = re.search(re.escape(unit) + pattern, first_pages)
        if match is not None:
            parent = match.group("parent")
            if parent != unit and region_chain(parent):
                return parent
    return None


def _identity(title: _Title, labels: dict[str, str], first_pages: str) -> DocumentIdentity:
    parent = (
        labels.get("预算主管部门") or labels.get("主管部门") or labels.get("部门") or labels.get("部门名称")
    )
    unit = labels.get("预算单位") or labels.get("单位名称")
    budget_unit = None
    if title.kind == "单位" or (unit and not parent):
        budget_unit = unit or title.name or None
        department = parent or _department_name(budget_unit or "")
        if department == budget_unit and budget_unit:
            department = parent_department(budget_unit, first_pages) or department
    else:
        department = _department_name(parent or title.name)
    chain = next(
        (c for c in (region_chain(n) for n in (department, budget_unit or "", title.region)) if c), []
    )
    county = chain[-1] if chain else None
    level = region_level(chain, title.level_word) if chain else None
    if county is None and department and _is_central(department, first_pages):
        county, level = CENTRAL_REGION, "central"
    return DocumentIdentity(
        county=county,
        department=department or None,
        fiscal_year=title.year,
        phase=title.phase,
        title=title.title,
        region_level=level,
        budget_unit=budget_unit,
    )


def _is_central(department: str, first_pages: str) -> bool:
    return bool(_CENTRAL_NAME.match(department)) or bool(_CENTRAL_TEXT.search(first_pages))


def _filled(identity: DocumentIdentity) -> int:
    return sum(
        getattr(identity, name) is not None for name in ("county", "department", "fiscal_year", "phase")
    )


def identify(page_texts: list[str], pages_to_search: int) -> DocumentIdentity | None:
    """Identity from the first pages' covers; fields not printed are None.

    None only when the first pages carry no 部门/单位 预算/决算 wording at all (not a disclosure).
    """
    pages = [arabic_years(text) for text in page_texts[:pages_to_search]]
    first_pages = squash("".join(pages))
    best: DocumentIdentity | None = None
    for text in pages:
        cover = _cover(text)
        title = _read_title(cover.text)
        if title is None:
            continue
        identity = _identity(title, cover.labels, first_pages)
        if best is None or _filled(identity) > _filled(best):
            best = identity
        if _filled(best) == 4:
            break
    if best is None or best.department is None:
        whole = _read_title(first_pages)  # no cover block: a title anywhere on the first pages
        if whole is not None and whole.name and not _unit_like(whole.name):
            whole = dataclasses.replace(
                whole, name=""
            )  # a heading (三、2018年度部门主要工作任务…), not a unit
        if whole is not None:
            identity = _identity(whole, {}, first_pages)
            if best is None or _filled(identity) > _filled(best):
                best = identity
    wording = _ANY_BUDGET.search(first_pages) if best is None else None
    if wording is not None:
        return DocumentIdentity(None, None, None, "final" if "决算" in wording.group(0) else "budget", "")
    return best
