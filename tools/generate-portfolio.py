#!/usr/bin/env python3
"""Writes samples/portfolio/*.csv (and samples/rates/usd-rates.csv, the exchange rates its exports use): a plausible portfolio of ILO development-cooperation projects
in the organisation's own columns and local codes (which go through samples/crosswalks/).

Deterministic (fixed seed), so re-running it reproduces the committed files exactly. The values
are invented but realistic: real country codes, real IATI identifiers of funding partners, DAC
purpose codes reached through the local theme codes.

    python3 tools/generate-portfolio.py
"""
import csv
import datetime as dt
import os
import random
import unicodedata

OUT = os.path.join(os.path.dirname(__file__), "..", "samples", "portfolio")
REFERENCE = dt.date(2025, 6, 30)  # the date the export was taken
rng = random.Random(20250630)

COUNTRIES = [  # ISO code, English, Chinese, capital (en, zh, lat, long) or None
    ("ET", "Ethiopia", "埃塞俄比亚", ("Addis Ababa", "亚的斯亚贝巴", "9.0300", "38.7400")),
    ("BD", "Bangladesh", "孟加拉国", ("Dhaka", "达卡", "23.8103", "90.4125")),
    ("JO", "Jordan", "约旦", ("Amman", "安曼", "31.9539", "35.9106")),
    ("LB", "Lebanon", "黎巴嫩", None),
    ("KH", "Cambodia", "柬埔寨", ("Phnom Penh", "金边", "11.5564", "104.9282")),
    ("VN", "Viet Nam", "越南", ("Hanoi", "河内", "21.0278", "105.8342")),
    ("NP", "Nepal", "尼泊尔", ("Kathmandu", "加德满都", "27.7172", "85.3240")),
    ("PK", "Pakistan", "巴基斯坦", None),
    ("ID", "Indonesia", "印度尼西亚", None),
    ("PH", "Philippines", "菲律宾", None),
    ("LK", "Sri Lanka", "斯里兰卡", None),
    ("LA", "Lao People's Democratic Republic", "老挝人民民主共和国", None),
    ("KE", "Kenya", "肯尼亚", ("Nairobi", "内罗毕", "-1.2921", "36.8219")),
    ("TZ", "United Republic of Tanzania", "坦桑尼亚联合共和国", None),
    ("UG", "Uganda", "乌干达", None),
    ("ZM", "Zambia", "赞比亚", None),
    ("MZ", "Mozambique", "莫桑比克", None),
    ("SN", "Senegal", "塞内加尔", ("Dakar", "达喀尔", "14.7167", "-17.4677")),
    ("CI", "Côte d'Ivoire", "科特迪瓦", None),
    ("GH", "Ghana", "加纳", None),
    ("EG", "Egypt", "埃及", None),
    ("TN", "Tunisia", "突尼斯", None),
    ("CO", "Colombia", "哥伦比亚", ("Bogotá", "波哥大", "4.7110", "-74.0721")),
    ("PE", "Peru", "秘鲁", ("Lima", "利马", "-12.0464", "-77.0428")),
    ("HN", "Honduras", "洪都拉斯", None),
    ("GT", "Guatemala", "危地马拉", None),
    ("UZ", "Uzbekistan", "乌兹别克斯坦", None),
    ("MG", "Madagascar", "马达加斯加", None),
]

DONORS = [  # IATI organisation identifier, type, channel, English name, Chinese name, currency, short code
    ("XM-DAC-7", "10", "DONOR-GOV", "Ministry of Foreign Affairs of the Netherlands", "荷兰外交部", "USD", "NLD"),
    ("GB-GOV-1", "10", "DONOR-GOV", "Foreign, Commonwealth and Development Office (United Kingdom)", "英国外交、联邦和发展事务部", "USD", "GBR"),
    ("XM-DAC-5", "10", "DONOR-GOV", "Federal Ministry for Economic Cooperation and Development (Germany)", "德国联邦经济合作与发展部", "USD", "DEU"),
    ("SE-0", "10", "DONOR-GOV", "Swedish International Development Cooperation Agency (Sida)", "瑞典国际发展合作署", "USD", "SWE"),
    ("XI-IATI-EC_INTPA", "40", "EU", "European Commission – International Partnerships", "欧盟委员会国际伙伴关系总司", "EUR", "EUR"),
    ("XM-DAC-301-2", "10", "DONOR-GOV", "Global Affairs Canada", "加拿大全球事务部", "USD", "CAN"),
    ("XM-DAC-701", "10", "DONOR-GOV", "Government of Japan", "日本政府", "JPY", "JPN"),
    ("XM-DAC-742", "10", "DONOR-GOV", "Government of the Republic of Korea", "大韩民国政府", "USD", "KOR"),
    ("XM-DAC-8", "10", "DONOR-GOV", "Government of Norway", "挪威政府", "USD", "NOR"),
    ("XM-DAC-11", "10", "DONOR-GOV", "Government of Switzerland", "瑞士政府", "CHF", "CHE"),
    ("AU-5", "10", "DONOR-GOV", "Department of Foreign Affairs and Trade (Australia)", "澳大利亚外交贸易部", "USD", "AUS"),
    ("FI-3", "10", "DONOR-GOV", "Ministry for Foreign Affairs of Finland", "芬兰外交部", "USD", "FIN"),
    ("XM-DAC-2", "10", "DONOR-GOV", "Government of Belgium", "比利时政府", "USD", "BEL"),
    ("XM-DAC-21", "10", "DONOR-GOV", "Government of Ireland", "爱尔兰政府", "USD", "IRL"),
    ("XM-DAC-302", "10", "DONOR-GOV", "Government of the United States of America", "美利坚合众国政府", "USD", "USA"),
]

THEMES = [  # local theme code, purpose (en, zh), English title, Chinese title ({} is the country), output, output zh, unit, second theme
    ("EMP-YOUTH", "to create decent jobs for young women and men through employment services and enterprise support", "通过就业服务和企业扶持为青年男女创造体面就业机会", "Decent jobs for young women and men in {}", "{}青年男女体面就业",
     "Young women and men placed in decent jobs", "在体面工作岗位就业的青年男女人数", "SKILLS"),
    ("EMP-INTENSIVE", "to build and maintain rural roads with local labour, creating jobs and lasting assets", "利用当地劳动力修建和维护农村道路，创造就业并形成长期资产", "Employment-intensive investment in rural roads in {}", "{}农村道路就业密集型投资",
     "Workdays of employment created on infrastructure works", "基础设施工程创造的就业工作日数", "RURAL"),
    ("SOCPRO", "to extend social protection to workers in the informal economy and their families", "将社会保护扩大到非正规经济中的劳动者及其家庭", "Building a social protection floor in {}", "{}社会保护底线建设",
     "People newly covered by social protection schemes", "新纳入社会保护计划的人数", None),
    ("SKILLS", "to align technical and vocational training with the skills employers need", "使职业技术培训与雇主所需技能相匹配", "Skills for employment and productivity in {}", "{}促进就业和生产力的技能开发",
     "Trainees certified under competency-based standards", "按能力标准获得认证的学员人数", "EMP-YOUTH"),
    ("SME", "to raise productivity and working conditions in small and medium enterprises", "提高中小企业的生产力并改善其工作条件", "Sustaining competitive and responsible enterprises (SCORE) in {}", "{}可持续竞争力和负责任企业（SCORE）项目",
     "Small and medium enterprises trained in workplace cooperation", "接受工作场所合作培训的中小企业数量", None),
    ("CHILD-LAB", "to withdraw children from hazardous work and keep them in school", "使儿童脱离危险劳动并继续接受教育", "Eliminating child labour in agricultural supply chains in {}", "{}消除农业供应链中的童工现象",
     "Children withdrawn from child labour and enrolled in school", "脱离童工劳动并入学的儿童人数", "RURAL"),
    ("FORCED-LAB", "to prevent forced labour through fair recruitment and access to remedy", "通过公平招聘和获得补救来预防强迫劳动", "Ending forced labour and fair recruitment in {}", "{}消除强迫劳动与公平招聘",
     "Labour recruiters trained in fair recruitment practices", "接受公平招聘做法培训的劳务中介人数", "LAB-MIGRATION"),
    ("OSH", "to prevent workplace accidents and occupational diseases", "预防工伤事故和职业病", "Safety and health for garment and construction workers in {}", "{}服装业和建筑业工人的职业安全与卫生",
     "Workplaces with a functioning safety and health committee", "设有正常运作的安全卫生委员会的工作场所数量", None),
    ("SOC-DIALOGUE", "to strengthen collective bargaining and the settlement of labour disputes", "加强集体谈判和劳动争议的解决", "Strengthening social dialogue and industrial relations in {}", "{}加强社会对话和劳资关系",
     "Collective agreements concluded with project support", "在项目支持下达成的集体协议数量", "LAB-RIGHTS"),
    ("LAB-ADMIN", "to make labour inspection more effective and better targeted", "使劳动监察更加有效、更有针对性", "Modernising labour inspection in {}", "{}劳动监察现代化",
     "Labour inspectors trained in risk-based inspection", "接受基于风险的监察培训的劳动监察员人数", None),
    ("LAB-MIGRATION", "to protect migrant workers throughout the migration cycle", "在移民全过程中保护移民工人", "Fair labour migration governance in {}", "{}公平劳务移民治理",
     "Migrant workers reached with pre-departure information", "获得出国前信息服务的移民工人人数", None),
    ("GENDER", "to advance equal pay and women's entrepreneurship", "推动同工同酬和女性创业", "Women's economic empowerment and equal pay in {}", "{}妇女经济赋权与同工同酬",
     "Women entrepreneurs trained in business management", "接受企业管理培训的女性创业者人数", "SME"),
    ("GREEN-JOBS", "to create green jobs and support workers through the transition to a low-carbon economy", "创造绿色就业，并在向低碳经济转型过程中为劳动者提供支持", "Green jobs and a just transition in {}", "{}绿色就业与公正转型",
     "Workers trained in green skills", "接受绿色技能培训的工人人数", "SKILLS"),
    ("COOP", "to strengthen cooperatives so that rural producers earn better incomes", "加强合作社建设，使农村生产者获得更高收入", "Cooperatives for rural livelihoods in {}", "{}发展合作社，改善农村生计",
     "Cooperatives with improved governance and services", "治理和服务得到改善的合作社数量", "RURAL"),
    ("LMI", "to produce regular, reliable labour market statistics for policy making", "为政策制定提供定期、可靠的劳动力市场统计数据", "Labour market information system for {}", "{}劳动力市场信息系统",
     "Labour force survey rounds published", "已发布的劳动力调查轮次数量", None),
]

ILO = ("XM-DAC-41302", "40", "ILO", "International Labour Organization", "国际劳工组织")
# Some projects are funded through a UN inter-agency pooled fund: its office is the provider of the funds.
POOLED_FUND = ("XM-DAC-41401", "40", "UN-AGENCY", "UN Multi-Partner Trust Fund Office", "联合国多伙伴信托基金办公室")

# What the UN Data Cube needs (CEB standards II and V): local codes that the sector crosswalk turns into
# UN system functions (sector vocabulary 12) and SDG targets (vocabulary 8) or goals (7), with shares.
SDGS = {
    "EMP-YOUTH": [("SDG-8.6", 60), ("SDG-8.5", 40)],
    "EMP-INTENSIVE": [("SDG-8.5", 60), ("SDG-9.1", 40)],
    "SOCPRO": [("SDG-1.3", 100)],
    "SKILLS": [("SDG-4.4", 70), ("SDG-8.6", 30)],
    "SME": [("SDG-8.3", 100)],
    "CHILD-LAB": [("SDG-8.7", 80), ("SDG-4.1", 20)],
    "FORCED-LAB": [("SDG-8.7", 70), ("SDG-10.7", 30)],
    "OSH": [("SDG-8.8", 100)],
    "SOC-DIALOGUE": [("SDG-8.8", 50), ("SDG-16.7", 50)],
    "LAB-ADMIN": [("SDG-8.8", 70), ("SDG-16.6", 30)],
    "LAB-MIGRATION": [("SDG-10.7", 70), ("SDG-8.8", 30)],
    "GENDER": [("SDG-5.5", 60), ("SDG-8.5", 40)],
    "GREEN-JOBS": [],  # tagged instead (SDG_TAGS): tags carry no shares
    "COOP": [("SDG-8.3", 60), ("SDG-2.3", 40)],
    "LMI": [("SDG-17", 100)],  # a goal only
}

# SDG targets as tags (vocabulary 3), which carry no percentage: the exports share an amount equally.
SDG_TAGS = {"GREEN-JOBS": ["8.4", "13.2", "7.2"]}
# Countries whose government co-finances some of its projects (local resources, CEB's R03D).
CO_FINANCING = {"PE": "Government of Peru", "CO": "Government of Colombia", "EG": "Government of Egypt"}


def functions(iso, theme):
    """The UN system functions of a project, with shares: crisis response in refugee-hosting countries is
    humanitarian; statistics and labour administration serve the global agenda; the rest is development."""
    if iso in ("JO", "LB"):
        return [("FN-HUMANITARIAN", 100)]
    if theme in ("LMI", "LAB-ADMIN"):
        return [("FN-GLOBAL", 100)]
    if theme == "SOC-DIALOGUE":
        return [("FN-DEVELOPMENT", 70), ("FN-GLOBAL", 30)]
    return [("FN-DEVELOPMENT", 100)]


# Units of each currency per US dollar, by year (invented for the sample, of a realistic size); the
# monthly rates of the rates file vary around them.
RATES = {
    "EUR": {2019: 0.89, 2020: 0.88, 2021: 0.85, 2022: 0.95, 2023: 0.92, 2024: 0.92, 2025: 0.93},
    "CHF": {2019: 0.99, 2020: 0.94, 2021: 0.91, 2022: 0.95, 2023: 0.90, 2024: 0.88, 2025: 0.86},
    "JPY": {2019: 109.0, 2020: 107.0, 2021: 110.0, 2022: 131.0, 2023: 140.0, 2024: 151.0, 2025: 148.0},
}
# How many units of the currency a project's amounts are counted in, against the dollar figures drawn.
SCALE = {"USD": 1, "EUR": 1, "CHF": 1, "JPY": 150}

# The ILO's own sector vocabulary (99): the policy outcomes of its Programme and Budget, which each
# project serves one of, published beside the DAC purpose codes with their names (IATI rule 2.2.1).
OUTCOMES = {  # outcome: English, Chinese
    "1": ("Strong tripartite constituents and influential and inclusive social dialogue", "强有力的三方成员和有影响力的包容性社会对话"),
    "2": ("International labour standards and authoritative and effective supervision", "国际劳工标准与权威有效的监督"),
    "3": ("Economic, social and environmental transitions for full, productive and freely chosen employment and decent work for all",
          "实现充分、生产性和自由选择的就业及人人享有体面劳动的经济、社会和环境转型"),
    "4": ("Sustainable enterprises as generators of employment and promoters of innovation and decent work",
          "可持续企业作为就业的创造者以及创新和体面劳动的推动者"),
    "5": ("Skills and lifelong learning to facilitate access to and transitions in the labour market", "促进进入劳动力市场和在其中转换的技能与终身学习"),
    "6": ("Gender equality and equal opportunities and treatment for all in the world of work", "劳动世界中的性别平等以及人人享有平等机会和待遇"),
    "7": ("Adequate and effective protection at work for all", "人人在工作中获得充分有效的保护"),
    "8": ("Comprehensive, adequate and sustainable social protection for all", "人人享有全面、充分和可持续的社会保护"),
}
OUTCOME_OF_THEME = {"EMP-YOUTH": "3", "EMP-INTENSIVE": "3", "SOCPRO": "8", "SKILLS": "5", "SME": "4", "CHILD-LAB": "7",
                    "FORCED-LAB": "7", "OSH": "7", "SOC-DIALOGUE": "1", "LAB-ADMIN": "2", "LAB-MIGRATION": "7",
                    "GENDER": "6", "GREEN-JOBS": "3", "COOP": "4", "LMI": "1"}
HUMANITARIAN = ("JO", "LB")  # projects in the refugee response of the Syria crisis


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def money(x):
    return f"{x:.2f}"


def status(start, end):
    if start > REFERENCE:
        return "PIPELINE"
    if end < REFERENCE - dt.timedelta(days=180):
        return "CLOSED"
    if end < REFERENCE:
        return "CLOSING"
    return "ACTIVE"


projects, participants, sectors, countries, markers, locations, tags = [], [], [], [], [], [], []
outcomes, contacts = [], []
transactions, budgets, deliverables = [], [], []
serial = {}
for n in range(56):
    iso, country_en, country_zh, capital = COUNTRIES[n % len(COUNTRIES)]
    theme = THEMES[(n * 7) % len(THEMES)]
    donor = DONORS[(n * 4 + n // len(DONORS)) % len(DONORS)]  # 4 is prime to 15: every partner funds some projects
    start = dt.date(2019 + rng.randrange(6), rng.choice([1, 4, 7, 10]), 1)
    years = rng.choice([2, 3, 3, 4, 4, 5])
    end = dt.date(start.year + years, start.month, 1) - dt.timedelta(days=1)
    year2 = start.year % 100
    serial[(iso, year2)] = serial.get((iso, year2), 0) + 1
    code = f"{iso}-{year2:02d}-{serial[(iso, year2)]:02d}-{donor[6]}"
    currency = donor[5]
    total = rng.randrange(800, 12000) * 1000.0 * SCALE[currency]
    pooled = n % 12 == 7
    funder = POOLED_FUND if pooled else donor
    st = status(start, end)
    purpose_en, purpose_zh = theme[1], theme[2]
    theme = (theme[0],) + theme[3:]
    summary_en = (f"Works with the Government of {country_en} and employers' and workers' organizations {purpose_en}, "
                  f"under the Decent Work Country Programme.")
    summary_zh = f"在体面劳动国别计划框架下，与{country_zh}政府以及雇主组织和工人组织合作，{purpose_zh}。"
    aid = "TA" if theme[0] in ("LMI", "LAB-ADMIN") else "PROJ"
    projects.append([code, theme[1].format(country_en), theme[2].format(country_zh), summary_en, summary_zh, st,
                     start.isoformat(), end.isoformat(),
                     start.isoformat() if st != "PIPELINE" else "",
                     end.isoformat() if st == "CLOSED" else "",
                     currency if currency != "USD" else "", aid, "GRANT", "ODA", "UNTIED", "XBDC"])
    projects[-1].append("1" if iso in HUMANITARIAN else "0")
    outcome = OUTCOME_OF_THEME[theme[0]]
    outcomes.append([code, outcome, OUTCOMES[outcome][0], OUTCOMES[outcome][1]])
    office = capital[0] if capital else country_en
    contacts.append([code, f"ILO Country Office, {office}", f"国际劳工组织{capital[1] if capital else country_zh}国家局",
                     "".join(c for c in unicodedata.normalize("NFKD", office.lower()) if c.isascii() and c.isalnum()) + "@ilo.org"])
    participants.append([code, "DONOR", donor[0], donor[1], donor[3], donor[4], donor[2]])
    if pooled:
        participants.append([code, "DONOR", POOLED_FUND[0], POOLED_FUND[1], POOLED_FUND[3], POOLED_FUND[4], POOLED_FUND[2]])
    participants.append([code, "PARTNER", ILO[0], ILO[1], ILO[3], ILO[4], ILO[2]])
    participants.append([code, "PARTNER", "", "10", f"Ministry of Labour of {country_en}", f"{country_zh}劳动部", "RECIPIENT-GOV"])
    if theme[5]:
        share = rng.choice([60, 70, 80])
        sectors.append([code, theme[0], str(share)])
        sectors.append([code, theme[5], str(100 - share)])
    else:
        sectors.append([code, theme[0], "100"])
    for local, share in functions(iso, theme[0]) + SDGS[theme[0]]:
        sectors.append([code, local, str(share)])
    for target in SDG_TAGS.get(theme[0], []):
        tags.append([code, "3", target])
    if n % 9 == 4:  # a two-country project
        other = COUNTRIES[(n + 3) % len(COUNTRIES)]
        countries += [[code, iso, "", "60"], [code, other[0], "", "40"]]
    else:
        countries.append([code, iso, "", "100"])
    markers.append([code, "GENDER", "PRINCIPAL" if theme[0] == "GENDER" else "SIGNIFICANT"])
    if theme[0] in ("GREEN-JOBS", "EMP-INTENSIVE"):
        markers.append([code, "CLIMATE-ADAPTATION", "SIGNIFICANT"])
    if theme[0] in ("SOC-DIALOGUE", "LAB-ADMIN", "LAB-RIGHTS"):
        markers.append([code, "GOVERNANCE", "PRINCIPAL"])
    if theme[0] == "SKILLS":
        markers.append([code, "DISABILITY", "SIGNIFICANT"])
    if capital:
        locations.append([code, f"ILO Country Office, {capital[0]}", f"国际劳工组织{capital[1]}国家局", capital[2], capital[3]])
    # Annual budgets, one per year of the project (IATI: no budget period longer than a year).
    year_start = start
    remaining = total
    while year_start <= end:
        year_end = min(dt.date(year_start.year + 1, year_start.month, 1) - dt.timedelta(days=1), end)
        amount = round(total / years, -3) if year_end < end else remaining
        remaining -= amount
        budgets.append([code, "1", "2", year_start.isoformat(), year_end.isoformat(), money(amount), currency if currency != "USD" else ""])
        year_start = year_end + dt.timedelta(days=1)
    # Money in and out, up to the date of the export.
    if start <= REFERENCE:
        signed = start - dt.timedelta(days=rng.randrange(30, 120))
        transactions.append([code, f"{code}-FA", "AGREEMENT", signed.isoformat(), money(total), currency if currency != "USD" else "",
                             funder[0], funder[1], funder[3], ILO[0], ILO[3], "Funding agreement signed", "POOLED" if pooled else "", "", ""])
        received = 0.0
        tranche = 1
        day = start
        while day <= min(end, REFERENCE) and received < total:
            amount = min(round(total / years, -3), total - received)
            received += amount
            transactions.append([code, f"{code}-R{tranche}", "RECEIPT", day.isoformat(), money(amount), currency if currency != "USD" else "",
                                 funder[0], funder[1], funder[3], ILO[0], ILO[3], f"Tranche {tranche} received", "POOLED" if pooled else "", "", ""])
            spend_day = min(dt.date(day.year, 12, 31), REFERENCE, end)
            spent = round(amount * rng.uniform(0.72, 0.97), 0 if currency == "JPY" else 2)
            transactions.append([code, f"{code}-E{tranche}", "SPEND", spend_day.isoformat(), money(spent), currency if currency != "USD" else "",
                                 ILO[0], ILO[1], ILO[3], "", "", f"Expenditure {spend_day.year}", "", "", ""])
            if tranche == 1 and theme[0] in ("CHILD-LAB", "COOP", "GENDER"):
                # The implementation agreement is an outgoing commitment, then paid out in full.
                transactions.append([code, f"{code}-A1", "ALLOCATION", (day + dt.timedelta(days=30)).isoformat(),
                                     money(round(amount * 0.2, -2)), currency if currency != "USD" else "", ILO[0], ILO[1], ILO[3], "",
                                     f"Ministry of Labour of {country_en}", "Implementation agreement signed with the national partner", "", "", ""])
                transactions.append([code, f"{code}-T1", "TRANSFER", (day + dt.timedelta(days=45)).isoformat(),
                                     money(round(amount * 0.2, -2)), currency if currency != "USD" else "", ILO[0], ILO[1], ILO[3], "",
                                     f"Ministry of Labour of {country_en}", "Implementation agreement with the national partner", "", "", ""])
            if tranche == 1 and iso in CO_FINANCING and n % 2 == 0:
                # The government's own contribution: local resources, which no aid type says, so the
                # transaction carries its financing instrument, and the government its country.
                transactions.append([code, f"{code}-L1", "RECEIPT", (day + dt.timedelta(days=60)).isoformat(),
                                     money(round(amount * 0.1, -3)), currency if currency != "USD" else "", "", "10",
                                     CO_FINANCING[iso], ILO[0], ILO[3], "Government co-financing received", "", "R03D", iso])
            tranche += 1
            day = dt.date(day.year + 1, day.month, 1)
    # One output per project, measured over the project's life and, once finished, its result.
    baseline = 0
    target = rng.randrange(4, 60) * (100 if theme[3].startswith(("Young", "Workdays", "People", "Children", "Migrant", "Workers", "Trainees", "Women")) else 1)
    actual = str(int(target * rng.uniform(0.8, 1.15))) if st in ("CLOSED", "CLOSING") else ""
    deliverables.append([code, f"{code}-O1", "OUTPUT", theme[3], theme[4], str(start.year), str(baseline),
                         f"{start.year}–{end.year}", str(target), actual])

write("projects.csv", ["project_code", "title_en", "title_zh", "summary_en", "summary_zh", "status", "start", "end",
                       "actual_start", "actual_end", "currency", "aid_modality", "funding_type", "flow", "tying", "collaboration",
                       "humanitarian"], projects)
write("outcomes.csv", ["project_code", "outcome", "outcome_en", "outcome_zh"], outcomes)
write("contacts.csv", ["project_code", "office_en", "office_zh", "email"], contacts)
write("participants.csv", ["project_code", "role", "org_id", "org_type", "org_name_en", "org_name_zh", "channel"], participants)
write("sectors.csv", ["project_code", "theme", "share"], sectors)
write("countries.csv", ["project_code", "country", "region", "share"], countries)
write("policy-markers.csv", ["project_code", "marker", "significance"], markers)
write("locations.csv", ["project_code", "place_en", "place_zh", "lat", "long"], locations)
write("transactions.csv", ["project_code", "reference", "kind", "date", "amount", "currency", "from_id", "from_type", "from_name",
                           "to_id", "to_name", "note", "modality", "instrument", "from_country"], transactions)
write("sdg-tags.csv", ["project_code", "vocabulary", "sdg"], tags)
write("budgets.csv", ["project_code", "budget_type", "budget_status", "from", "to", "amount", "currency"], budgets)
write("deliverables.csv", ["project_code", "output_id", "level", "output_en", "output_zh", "baseline_year", "baseline",
                           "timeline", "target", "actual"], deliverables)
# The rates the exports convert EUR, CHF and JPY amounts with: one a month, each month's a little off its year's.
rates = []
for currency, by_year in RATES.items():
    for year, rate in sorted(by_year.items()):
        for month in range(1, 13):
            if dt.date(year, month, 1) > REFERENCE:
                break
            wobble = 1 + 0.012 * (((year * 12 + month) * 7) % 5 - 2) / 2
            digits = 2 if currency == "JPY" else 4
            rates.append([currency, f"{year}-{month:02d}", f"{rate * wobble:.{digits}f}"])
os.makedirs(os.path.join(OUT, "..", "rates"), exist_ok=True)
with open(os.path.join(OUT, "..", "rates", "usd-rates.csv"), "w", encoding="utf-8", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["currency", "period", "rate"])
    writer.writerows(rates)

print(f"wrote {len(projects)} projects, {len(transactions)} transactions, {len(budgets)} budgets to {OUT}")
