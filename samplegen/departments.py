"""Department profiles: what each modelled department spends on, what it is called each year.

Roles of a functional 项 (leaf): ``admin`` personnel + public (行政运行 / 事业运行), ``personnel``
personnel only (pensions, medical insurance, housing fund), ``project`` general-budget projects,
``fund`` government-fund spending (mostly projects), ``capital`` 国有资本经营预算 spending,
``business`` basic and project spending paid by 事业收入.
"""

from __future__ import annotations

from dataclasses import dataclass

_PENSION = (("2080505", "personnel", 40.0), ("2080506", "personnel", 16.0))
_ADMIN_MEDICAL = (("2101101", "personnel", 14.0), ("2210201", "personnel", 30.0))
_INST_MEDICAL = (("2101102", "personnel", 14.0), ("2210201", "personnel", 30.0))


@dataclass(frozen=True)
class Profile:
    key: str  # stable across renames
    names: tuple[tuple[int, str], ...]  # (first year, name template with {county}); latest applies
    kind: str  # 'admin' | 'party' | 'hospital' | 'institution'
    leaves: tuple[tuple[str, str, float], ...]  # (项 code, role, mean 万元)
    projects: tuple[str, ...]  # project names, used in order
    duties: tuple[str, ...]  # 主要职能 sentences
    units: tuple[str, ...]  # 机构设置 (internal offices)

    def name(self, county: str, year: int) -> str:
        """The unit name as printed in ``year`` (departments get renamed)."""
        template = [name for first, name in self.names if first <= year][-1]
        return template.format(county=county)


PROFILES: tuple[Profile, ...] = (
    Profile(
        "education",
        ((0, "{county}教育局"),),
        "admin",
        (
            ("2050101", "admin", 260.0),
            ("2050102", "project", 90.0),
            ("2050201", "project", 420.0),
            ("2050202", "project", 1300.0),
            ("2050203", "project", 880.0),
            ("2050204", "project", 510.0),
            ("2050803", "project", 45.0),
            ("2080501", "personnel", 120.0),
            *_PENSION,
            *_ADMIN_MEDICAL,
        ),
        (
            "农村义务教育学生营养改善计划",
            "学前教育发展专项资金",
            "义务教育薄弱环节改善与能力提升项目",
            "普通高中助学金及免学费补助",
            "教师培训经费",
            "校园安全管理经费",
            "教育信息化建设经费",
            "家庭经济困难学生生活补助",
        ),
        (
            "贯彻执行国家和省、市有关教育工作的方针、政策和法规，拟订全县教育发展规划并组织实施。",
            "统筹管理全县各级各类教育，指导学前教育、义务教育、高中阶段教育和职业教育发展。",
            "负责全县教师队伍建设和教育经费的统筹管理，监督教育经费的使用。",
        ),
        ("办公室", "基础教育股", "计划财务股", "人事股", "安全稳定股"),
    ),
    Profile(
        "organisation",
        ((0, "中共{county}委组织部"),),
        "party",
        (
            ("2013201", "admin", 210.0),
            ("2013202", "project", 140.0),
            ("2013299", "project", 60.0),
            *_PENSION,
            *_ADMIN_MEDICAL,
        ),
        ("基层党组织建设经费", "党员教育培训经费", "人才引进与培养专项经费", "村（社区）干部报酬补助"),
        (
            "负责全县党的组织建设、干部队伍建设和人才工作的统筹规划。",
            "指导全县基层党组织建设和党员队伍建设，负责党员教育管理工作。",
        ),
        ("办公室", "组织科", "干部科", "人才工作科"),
    ),
    Profile(
        "hospital",
        ((0, "{county}人民医院"),),
        "hospital",
        (
            ("2100201", "business", 5200.0),
            ("2100299", "project", 380.0),
            ("2100409", "project", 160.0),
            ("2080502", "personnel", 260.0),
            *_PENSION,
            *_INST_MEDICAL,
        ),
        (
            "医疗设备购置项目",
            "重点专科建设经费",
            "基本公共卫生服务项目",
            "住院楼维修改造工程",
            "医共体信息化建设项目",
        ),
        (
            "承担全县城乡居民的基本医疗服务、急危重症救治和疑难病症诊治任务。",
            "承担基层卫生人员培训、公共卫生服务和突发公共卫生事件医疗救治任务。",
        ),
        ("医务科", "护理部", "财务科", "设备科", "信息科"),
    ),
    Profile(
        "finance",
        ((0, "{county}财政局"),),
        "admin",
        (
            ("2010601", "admin", 420.0),
            ("2010602", "project", 150.0),
            ("2010699", "project", 220.0),
            ("2230105", "capital", 85.0),
            *_PENSION,
            *_ADMIN_MEDICAL,
        ),
        (
            "预算绩效评价经费",
            "财政信息化运行维护经费",
            "国有资产管理经费",
            "乡镇财政所运转经费",
            "国有企业退休人员社会化管理补助",
            "国有企业改革成本补助",
        ),
        (
            "贯彻执行财税方针政策，拟订全县财政发展规划和财政收支政策。",
            "负责编制年度县级预决算草案并组织执行，管理县级各项财政收支。",
        ),
        ("办公室", "预算股", "国库股", "综合股", "绩效评价股"),
    ),
    Profile(
        "science",
        ((0, "{county}科学技术局"), (2024, "{county}科学技术和经济信息化局")),
        "admin",
        (
            ("2060101", "admin", 150.0),
            ("2060102", "project", 60.0),
            ("2060499", "project", 120.0),
            ("2150501", "admin", 80.0),
            ("2150805", "project", 200.0),
            *_PENSION,
            *_ADMIN_MEDICAL,
        ),
        (
            "中小企业服务经费",
            "企业家体检经费",
            "科技创新平台建设经费",
            "高新技术企业培育奖补资金",
            "科技特派员工作经费",
        ),
        (
            "组织编制全县科技发展的中长期规划和年度计划并监督实施。",
            "负责推动企业技术改造和技术创新，促进科研成果产业化。",
        ),
        ("办公室", "经济运行股", "规划和技术改造股", "科学技术股"),
    ),
    Profile(
        "housing",
        ((0, "{county}住房和城乡建设局"),),
        "admin",
        (
            ("2120101", "admin", 230.0),
            ("2120102", "project", 180.0),
            ("2120801", "fund", 900.0),
            ("2120803", "fund", 650.0),
            ("2210203", "personnel", 25.0),
            *_PENSION,
            *_ADMIN_MEDICAL,
        ),
        ("老旧小区改造项目", "城市道路维护经费", "征地拆迁补偿", "市政设施建设项目", "建筑市场监管经费"),
        ("负责全县住房和城乡建设的规划、管理和监督工作。", "负责城市基础设施建设和市政公用事业管理。"),
        ("办公室", "规划股", "建筑管理股", "住房保障股"),
    ),
    Profile(
        "agriculture",
        ((0, "{county}农业农村局"),),
        "admin",
        (
            ("2130101", "admin", 280.0),
            ("2130104", "admin", 190.0),
            ("2130108", "project", 75.0),
            ("2130135", "project", 140.0),
            *_PENSION,
            *_ADMIN_MEDICAL,
        ),
        ("农作物病虫害防控经费", "高标准农田建设管护经费", "耕地地力保护补贴", "农业技术推广经费"),
        (
            "贯彻执行农业农村工作的方针政策，拟订全县农业农村发展规划。",
            "负责种植业、畜牧业、渔业等农业各产业的监督管理。",
        ),
        ("办公室", "种植业股", "农村经营管理股", "农业技术推广中心"),
    ),
    Profile(
        "civil",
        ((0, "{county}民政局"),),
        "admin",
        (("2080201", "admin", 170.0), ("2080208", "project", 210.0), *_PENSION, *_ADMIN_MEDICAL),
        ("城乡社区治理经费", "社会组织培育经费", "殡葬改革补助经费"),
        ("拟订全县民政事业发展规划，负责社会救助、社区治理和社会组织管理工作。",),
        ("办公室", "社会救助股", "基层政权股"),
    ),
    Profile(
        "market",
        ((0, "{county}市场监督管理局"),),
        "admin",
        (("2013801", "admin", 330.0), ("2013816", "project", 95.0), *_PENSION, *_ADMIN_MEDICAL),
        ("食品安全抽检经费", "特种设备安全监管经费", "消费者权益保护经费"),
        ("负责全县市场综合监督管理，组织实施质量强县战略和食品安全监管。",),
        ("办公室", "食品安全股", "特种设备股", "执法大队"),
    ),
)


def profile(key: str) -> Profile:
    """Look a profile up by key."""
    return next(p for p in PROFILES if p.key == key)
