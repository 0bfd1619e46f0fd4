"""Random but reproducible Finances for a department over the years, budget and final."""

from __future__ import annotations

import random
from decimal import Decimal

from samplegen.catalog import (
    CAPITAL_ITEMS,
    FAMILY_ITEMS,
    OUTBOUND_CODE,
    PERSONNEL_ITEMS,
    PUBLIC_ITEMS,
    RECEPTION_CODE,
    VEHICLE_OP_CODE,
)
from samplegen.departments import Profile
from samplegen.finance import ZERO, Finances, Leaf, Project, ThreePublic
from samplegen.money import QUANTUM_YUAN, amount_near, scale, split

WAN = 10000.0


def budget_leaves(profile: Profile, size: float, rng: random.Random, q: Decimal) -> list[Leaf]:
    """This year's budgeted leaves: amounts around the profile's means x the department's size."""
    leaves = []
    for code, role, mean in profile.leaves:
        amount = amount_near(mean * WAN * size, rng, q)
        if role == "admin":
            personnel, public = split(amount, [0.74, 0.26], rng, q)
            leaves.append(Leaf(code, personnel=personnel, public=public))
        elif role == "personnel":
            leaves.append(Leaf(code, personnel=amount))
        elif role == "project":
            leaves.append(Leaf(code, project=amount))
        elif role == "fund":
            basic = scale(amount, 0.12, q)
            leaves.append(Leaf(code, fund_basic=basic, fund_project=amount - basic))
        elif role == "capital":
            basic = scale(amount, 0.3, q)
            leaves.append(Leaf(code, capital_basic=basic, capital_project=amount - basic))
        else:  # business: a hospital's own revenue pays most of it
            basic, own_project, gb_project = split(amount, [0.75, 0.15, 0.10], rng, q)
            leaves.append(
                own_sources(
                    Leaf(code, project=gb_project, business_basic=basic, business_project=own_project), q
                )
            )
    return leaves


def own_sources(leaf: Leaf, q: Decimal) -> Leaf:
    """A hospital's own money: 上缴上级 / 对附属单位补助 spending, and the sources besides 事业收入.

    Fixed shares of its 事业收入-paid basic spending (no random draw, so the other figures keep theirs).
    """
    base = leaf.business_basic
    leaf.remit, leaf.affiliated = scale(base, 0.02, q), scale(base, 0.04, q)
    leaf.special, leaf.subsidy, leaf.other = scale(base, 0.06, q), scale(base, 0.03, q), scale(base, 0.01, q)
    return leaf


def final_leaves(budget: list[Leaf], rng: random.Random, q: Decimal) -> list[Leaf]:
    """What was spent: each budgeted amount drifts a little."""

    def drift(amount: Decimal) -> Decimal:
        return scale(amount, rng.uniform(0.86, 1.04), q) if amount else ZERO

    leaves = []
    for leaf in budget:
        spent = Leaf(
            leaf.code,
            drift(leaf.personnel),
            drift(leaf.public),
            drift(leaf.project),
            drift(leaf.fund_project),
            drift(leaf.business_basic),
            drift(leaf.business_project),
        )
        spent.fund_basic = scale(leaf.fund_basic, 0.95, q)  # fixed shares: the draws above stay as they were
        spent.capital_basic, spent.capital_project = (
            scale(leaf.capital_basic, 0.97, q),
            scale(leaf.capital_project, 0.9, q),
        )
        spent.fund_balance = scale(spent.fund, 0.2, q)
        spent.capital_balance = scale(spent.capital, 0.15, q)
        leaves.append(own_sources(spent, q) if leaf.remit else spent)
    return leaves


def three_public_for(public_use: Decimal, rng: random.Random, q: Decimal, kind: str) -> ThreePublic:
    """三公 figures; all paid from basic public funds, so they fit inside 公用经费."""
    cap = q * int(public_use / 5 / q)
    reception = min(amount_near(2.0 * WAN, rng, q, 0.6), cap) if rng.random() < 0.9 else ZERO
    operation = (
        min(amount_near(4.0 * WAN, rng, q, 0.5), cap) if kind != "party" and rng.random() < 0.6 else ZERO
    )
    outbound = min(amount_near(3.0 * WAN, rng, q), cap) if rng.random() < 0.1 else ZERO
    purchase = amount_near(18.0 * WAN, rng, q, 0.2) if rng.random() < 0.1 else ZERO
    return ThreePublic(outbound, purchase, operation, reception)


def economic_breakdown(
    personnel: Decimal, public: Decimal, tp: ThreePublic, rng: random.Random, q: Decimal, retirees: bool
) -> dict[str, Decimal]:
    """Split 人员经费 over 301/303 items and 公用经费 over 302/310 items (三公 items fixed)."""
    people = PERSONNEL_ITEMS + (FAMILY_ITEMS if retirees else ())
    economic = dict(
        zip([c for c, _, _ in people], split(personnel, [w for *_, w in people], rng, q), strict=True)
    )
    fixed = {OUTBOUND_CODE: tp.outbound, RECEPTION_CODE: tp.reception, VEHICLE_OP_CODE: tp.vehicle_operation}
    fixed = {c: a for c, a in fixed.items() if a}
    rest = public - sum(fixed.values(), ZERO)
    goods = PUBLIC_ITEMS + (CAPITAL_ITEMS if rng.random() < 0.3 else ())
    economic.update(zip([c for c, _, _ in goods], split(rest, [w for *_, w in goods], rng, q), strict=True))
    economic.update(fixed)
    return dict(sorted(economic.items()))


def make_projects(profile: Profile, leaves: list[Leaf], rng: random.Random, q: Decimal) -> list[Project]:
    """Split every leaf's project money into named projects; some buy goods, works or services."""
    names = iter(profile.projects)
    projects = []
    for leaf in leaves:
        if not leaf.all_project:
            continue
        count = 2 if leaf.all_project > Decimal(150 * WAN) else 1
        for share in split(leaf.all_project, [1.0] * count, rng, q):
            name = next(names, f"{profile.key}专项{len(projects) + 1}")
            kind = rng.choice(["常年性项目", "常年性项目", "一次性项目", "延续性项目"])
            total = share if kind != "延续性项目" else scale(share, rng.choice([2, 3]), q)
            goods = works = services = ZERO
            if rng.random() < 0.45:
                bought = scale(share, rng.uniform(0.15, 0.6), q)
                goods, works, services = split(
                    bought, [rng.random(), rng.random() * 0.5, rng.random()], rng, q
                )
            projects.append(Project(name, leaf.code, kind, total, share, goods, works, services))
    return projects


def add_carryover(fin: Finances, rng: random.Random) -> None:
    """Some budgets spend last year's carryover (上年结转) on part of their projects."""
    if rng.random() >= 0.3:
        return
    q = QUANTUM_YUAN[fin.unit]
    for leaf in fin.leaves:
        if leaf.project and rng.random() < 0.6:
            leaf.carryover = min(leaf.project, scale(leaf.project, rng.uniform(0.05, 0.3), q))


def department_finances(
    profile: Profile, years: list[int], unit: str, rng: random.Random
) -> dict[tuple[int, str], Finances]:
    """Finances of every (year, phase); the year before the first is generated for 比上年."""
    q = QUANTUM_YUAN[unit]
    size = rng.uniform(0.5, 1.8)
    retirees = rng.random() < 0.5
    result: dict[tuple[int, str], Finances] = {}
    previous: dict[str, Finances] = {}
    for year in [years[0] - 1, *years]:
        size *= rng.uniform(0.96, 1.10)
        budget = budget_leaves(profile, size, rng, q)
        final = final_leaves(budget, rng, q)
        budget_tp = None
        for phase, leaves in (("budget", budget), ("final", final)):
            public = sum((leaf.public for leaf in leaves), ZERO)
            personnel = sum((leaf.personnel for leaf in leaves), ZERO)
            if phase == "budget":
                tp = budget_tp = three_public_for(public, rng, q, profile.kind)
            else:
                tp = ThreePublic(
                    *(
                        min(scale(a, rng.uniform(0.7, 1.0), q), a)
                        for a in (
                            budget_tp.outbound,
                            budget_tp.vehicle_purchase,
                            budget_tp.vehicle_operation,
                            budget_tp.reception,
                        )
                    )
                )
            prior = previous.get(phase)
            fin = Finances(
                unit,
                leaves,
                economic_breakdown(personnel, public, tp, rng, q, retirees),
                tp,
                make_projects(profile, leaves, rng, q),
                prior_total=prior.grand_total if prior else None,
                prior_three_public=prior.three_public if prior else None,
                budget_three_public=budget_tp if phase == "final" else None,
            )
            previous[phase] = fin
            if year in years:
                result[(year, phase)] = fin
    return result
