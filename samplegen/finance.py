"""The numbers of one department-year-phase, consistent by construction.

Leaves (functional 项) carry the only free amounts; every table total, narrative figure and
economic breakdown is derived from them by exact sums.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ZERO = Decimal("0.00")


@dataclass
class Leaf:
    """One functional 项 and what pays for it."""

    code: str
    personnel: Decimal = ZERO  # general budget, basic
    public: Decimal = ZERO  # general budget, basic
    project: Decimal = ZERO  # general budget, project
    fund_project: Decimal = ZERO  # government fund, project
    business_basic: Decimal = ZERO  # 事业收入, basic
    business_project: Decimal = ZERO  # 事业收入, project
    carryover: Decimal = ZERO  # part of ``project`` paid from last year's general-budget carryover (上年结转)
    fund_basic: Decimal = ZERO  # government fund, basic
    capital_basic: Decimal = ZERO  # 国有资本经营预算, basic
    capital_project: Decimal = ZERO  # 国有资本经营预算, project
    remit: Decimal = ZERO  # 上缴上级支出 (paid from own funds)
    affiliated: Decimal = ZERO  # 对附属单位补助支出 (paid from own funds)
    special: Decimal = ZERO  # part of the own funds that is 财政专户管理资金收入 (budgets name it)
    subsidy: Decimal = ZERO  # part of the own funds that is 上级补助收入
    other: Decimal = ZERO  # part of the own funds that is 其他收入
    fund_balance: Decimal = ZERO  # 决算: government-fund 年初 = 年末结转和结余
    capital_balance: Decimal = ZERO  # 决算: 国有资本经营 年初 = 年末结转和结余

    @property
    def gb_basic(self) -> Decimal:
        return self.personnel + self.public

    @property
    def gb_total(self) -> Decimal:
        return self.gb_basic + self.project

    @property
    def fund(self) -> Decimal:
        return self.fund_basic + self.fund_project

    @property
    def capital(self) -> Decimal:
        return self.capital_basic + self.capital_project

    @property
    def fiscal(self) -> Decimal:
        """Money from the budget (general budget, government fund, state capital), as fiscal tables count it."""
        return self.gb_total + self.fund + self.capital

    @property
    def basic(self) -> Decimal:
        return self.gb_basic + self.fund_basic + self.capital_basic + self.business_basic

    @property
    def all_project(self) -> Decimal:
        return self.project + self.fund_project + self.capital_project + self.business_project

    @property
    def total(self) -> Decimal:
        return self.basic + self.all_project + self.remit + self.affiliated

    @property
    def own_funds(self) -> Decimal:
        """Spending not paid by the budget: 事业收入 and the department's other own sources."""
        return self.business_basic + self.business_project + self.remit + self.affiliated

    @property
    def business(self) -> Decimal:
        """事业收入 of a budget: own funds less the sources budgets print apart."""
        return self.own_funds - self.special - self.subsidy - self.other

    @property
    def business_final(self) -> Decimal:
        """事业收入 of final accounts (no 财政专户 column: that money counts as 事业收入)."""
        return self.own_funds - self.subsidy - self.other


@dataclass(frozen=True)
class ThreePublic:
    outbound: Decimal
    vehicle_purchase: Decimal
    vehicle_operation: Decimal
    reception: Decimal

    @property
    def vehicle_total(self) -> Decimal:
        return self.vehicle_purchase + self.vehicle_operation

    @property
    def total(self) -> Decimal:
        return self.outbound + self.vehicle_total + self.reception

    def measures(self) -> dict[str, Decimal]:
        """Measure key → amount, in the contract's column order."""
        return {
            "total": self.total,
            "outbound": self.outbound,
            "vehicle_total": self.vehicle_total,
            "vehicle_purchase": self.vehicle_purchase,
            "vehicle_operation": self.vehicle_operation,
            "reception": self.reception,
        }


@dataclass(frozen=True)
class Project:
    name: str
    code: str  # functional 项 it is booked under
    kind: str  # 常年性项目 / 一次性项目 / 延续性项目
    total_budget: Decimal
    annual_budget: Decimal
    goods: Decimal = ZERO  # government procurement by category
    works: Decimal = ZERO
    services: Decimal = ZERO

    @property
    def procurement(self) -> Decimal:
        return self.goods + self.works + self.services


@dataclass
class Finances:
    """Everything numeric about one document."""

    unit: str  # printed unit of the tables: 万元 | 元
    leaves: list[Leaf]
    economic: dict[str, Decimal]  # economic code (5 digits) → general-budget basic amount
    three_public: ThreePublic
    projects: list[Project] = field(default_factory=list)
    prior_total: Decimal | None = None  # last year's document 总计 (same phase)
    prior_three_public: ThreePublic | None = None  # last year's 三公 (budget templates print it)
    budget_three_public: ThreePublic | None = None  # this year's budgeted 三公 (决算 prints it)

    def sum(self, attribute: str) -> Decimal:
        """Sum of a Leaf attribute over all leaves."""
        return sum((getattr(leaf, attribute) for leaf in self.leaves), ZERO)

    @property
    def total(self) -> Decimal:
        return self.sum("total")

    @property
    def general_budget(self) -> Decimal:
        return self.sum("gb_total")

    @property
    def carryover(self) -> Decimal:
        return self.sum("carryover")

    @property
    def appropriation(self) -> Decimal:
        """This year's general-budget appropriation (一般公共预算拨款收入): spending less carryover."""
        return self.general_budget - self.carryover

    @property
    def government_fund(self) -> Decimal:
        return self.sum("fund")

    @property
    def state_capital(self) -> Decimal:
        return self.sum("capital")

    @property
    def fiscal(self) -> Decimal:
        return self.sum("fiscal")

    @property
    def balance(self) -> Decimal:
        """年初 (= 年末) 结转和结余 of final accounts: government fund + state capital."""
        return self.sum("fund_balance") + self.sum("capital_balance")

    @property
    def grand_total(self) -> Decimal:
        """The summary's 总计: this year's total plus the balance carried in (and out)."""
        return self.total + self.balance

    @property
    def business_income(self) -> Decimal:
        return self.sum("business")

    @property
    def personnel(self) -> Decimal:
        return self.sum("personnel")

    @property
    def public_use(self) -> Decimal:
        return self.sum("public")

    @property
    def procurement(self) -> dict[str, Decimal]:
        goods = sum((p.goods for p in self.projects), ZERO)
        works = sum((p.works for p in self.projects), ZERO)
        services = sum((p.services for p in self.projects), ZERO)
        return {"total": goods + works + services, "goods": goods, "works": works, "services": services}

    def public_items(self) -> dict[str, Decimal]:
        """The 302/310 items (机关运行经费 parts), in code order."""
        return {c: a for c, a in sorted(self.economic.items()) if c[:3] in ("302", "310")}
